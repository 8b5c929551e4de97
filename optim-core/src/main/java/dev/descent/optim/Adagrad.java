package dev.descent.optim;

import dev.descent.api.ElementwiseOptimizer;
import java.util.List;

/**
 * Adagrad: PyTorch's {@code torch.optim.Adagrad} (dense gradients), with its parameters, defaults and update
 * rule. Per element, with {@code g} the gradient and k the step count from 1:
 *
 * <pre>
 * if maximize:          g = -g
 * if weight_decay != 0: g = g + weight_decay * p
 * clr = lr / (1 + (k - 1) * lr_decay)
 * sum = sum + g * g                          (sum starts at initial_accumulator_value)
 * p = p - clr * g / (sqrt(sum) + eps)
 * </pre>
 *
 * <p>The arithmetic is that of PyTorch 1.13's single-tensor implementation on float32, as in {@link Adam}:
 * {@code clr} computed in double and rounded to float, {@code addcmul} a fused multiply-add, {@code addcdiv}
 * as {@code p + (-clr * g) / std}.
 *
 * <p>{@link #state()} holds {@code lr}, {@code step} and per parameter {@code sum/<name>}, PyTorch's state key.
 */
public final class Adagrad extends ElementwiseOptimizer {
    static final String NAME = "adagrad";
    /** PyTorch's default learning rate. */
    public static final double DEFAULT_LR = 0.01;

    private final double lrDecay;
    private final double weightDecay;
    private final double initialAccumulatorValue;
    private final double eps;
    private final boolean maximize;

    private final float epsilon;
    private final float l2;
    private float negativeClr;

    private Adagrad(Builder builder) {
        super(NAME, builder.lr, List.of("sum"));
        this.lrDecay = atLeast("lr_decay", builder.lrDecay, 0);
        this.weightDecay = atLeast("weight_decay", builder.weightDecay, 0);
        this.initialAccumulatorValue = atLeast("initial_accumulator_value", builder.initialAccumulatorValue, 0);
        this.eps = atLeast("eps", builder.eps, 0);
        this.maximize = builder.maximize;
        this.epsilon = (float) eps;
        this.l2 = (float) weightDecay;
    }

    /** A builder with PyTorch's defaults: lr 0.01, no lr decay, no weight decay, sum from 0, eps 1e-10. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected float initialValue(int slot) {
        return (float) initialAccumulatorValue;
    }

    @Override
    protected void beginStep(long step) {
        negativeClr = (float) -(learningRate() / (1 + (step - 1) * lrDecay));
    }

    @Override
    protected void update(int i, float[] p, float[] grad, float[][] slots) {
        float g = Gradients.effective(grad[i], p[i], maximize, l2);
        float[] sum = slots[0];
        sum[i] = Math.fma(g, g, sum[i]);
        float std = (float) Math.sqrt(sum[i]) + epsilon;
        p[i] = p[i] + negativeClr * g / std;
    }

    /** The settings as a spec would write them: {@code adagrad(lr=0.01, lr_decay=0, ...)}. */
    @Override
    public String toString() {
        return NAME + "(lr=" + format(learningRate()) + ", lr_decay=" + format(lrDecay) + ", weight_decay="
                + format(weightDecay) + ", initial_accumulator_value=" + format(initialAccumulatorValue) + ", eps="
                + format(eps) + ", maximize=" + maximize + ")";
    }

    /** Collects the settings; {@link #build()} checks them as PyTorch's constructor does. */
    public static final class Builder extends OptimizerBuilder<Builder, Adagrad> {
        private double lrDecay;
        private double initialAccumulatorValue;
        private boolean maximize;

        private Builder() {
            super(DEFAULT_LR, 1e-10, 0);
        }

        /** The k-th step uses {@code lr / (1 + (k - 1) * lr_decay)}; {@code >= 0}, default 0. */
        public Builder lrDecay(double lrDecay) {
            this.lrDecay = lrDecay;
            return this;
        }

        /** The value every element's sum of squared gradients starts at, {@code >= 0}; default 0. */
        public Builder initialAccumulatorValue(double initialAccumulatorValue) {
            this.initialAccumulatorValue = initialAccumulatorValue;
            return this;
        }

        /** Ascend instead of descend; default false. */
        public Builder maximize(boolean maximize) {
            this.maximize = maximize;
            return this;
        }

        /** @throws IllegalArgumentException for a negative lr, lr decay, weight decay, initial value or eps */
        @Override
        public Adagrad build() {
            return new Adagrad(this);
        }
    }
}
