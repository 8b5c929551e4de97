package dev.descent.optim;

import dev.descent.api.Optimizer;

/**
 * What the builders of the PyTorch-style optimizers share: the learning rate, eps and the weight decay, each
 * starting at its optimizer's PyTorch default. {@link #build()} checks every setting as PyTorch's
 * constructor does.
 *
 * @param <B> the builder itself, so that the setters chain
 * @param <O> the optimizer it builds
 */
public abstract class OptimizerBuilder<B extends OptimizerBuilder<B, O>, O extends Optimizer> {
    double lr;
    double eps;
    double weightDecay;

    // Package-private: the optimizers of this package are the only subclasses.
    OptimizerBuilder(double lr, double eps, double weightDecay) {
        this.lr = lr;
        this.eps = eps;
        this.weightDecay = weightDecay;
    }

    /** Learning rate, {@code >= 0}. */
    public final B lr(double lr) {
        this.lr = lr;
        return self();
    }

    /** Added to a denominator for numerical stability, {@code >= 0}. */
    public final B eps(double eps) {
        this.eps = eps;
        return self();
    }

    /**
     * {@code >= 0}; as an L2 penalty, {@code weight_decay * p} added to the gradient, except for AdamW, which
     * shrinks the parameter by {@code 1 - lr * weight_decay} each step.
     */
    public final B weightDecay(double weightDecay) {
        this.weightDecay = weightDecay;
        return self();
    }

    /**
     * The optimizer with these settings.
     *
     * @throws IllegalArgumentException for a setting PyTorch refuses, naming it: {@code rmsprop: alpha must be
     *     >= 0, got '-1'}
     */
    public abstract O build();

    @SuppressWarnings("unchecked")
    final B self() {
        return (B) this;
    }
}
