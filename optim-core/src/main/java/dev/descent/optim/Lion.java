package dev.descent.optim;

import dev.descent.api.ElementwiseOptimizer;
import java.util.List;

/**
 * Lion, from Chen et al., "Symbolic Discovery of Optimization Algorithms" (2023), Algorithm 2, as optax's
 * {@code optax.lion}, with decoupled weight decay applied as in lion-pytorch and PyTorch's AdamW. It moves every
 * element by the same amount, {@code lr}, in the direction of the sign of an interpolation between the
 * momentum and the gradient. Per element, with {@code g} the gradient:
 *
 * <pre>
 * p = p * (1 - lr * weight_decay)                     (decoupled weight decay)
 * c = beta1 * m + (1 - beta1) * g
 * p = p - lr * sign(c)                                (sign(0) = 0)
 * m = beta2 * m + (1 - beta2) * g
 * </pre>
 *
 * <p>optax adds {@code weight_decay * p} to the signed update before scaling it by {@code -lr}; that is the same
 * step, {@code p - lr * (sign(c) + weight_decay * p)}, rounded otherwise. Since every step has the size
 * {@code lr}, Lion wants a learning rate 3 to 10 times smaller than AdamW's, and a weight decay as many times
 * larger, to keep {@code lr * weight_decay} the same.
 *
 * <p>Float arithmetic as {@link Adam}'s: the scalars computed in double and rounded to float, each
 * {@code a * b + c} of the moving averages a fused multiply-add (PyTorch's {@code add(alpha=)}).
 *
 * <p>{@link #state()} holds {@code lr}, {@code step} and per parameter {@code exp_avg/<name>}, the momentum
 * {@code m} (optax's {@code mu}).
 */
public final class Lion extends ElementwiseOptimizer {
    static final String NAME = "lion";
    /** The paper's and lion-pytorch's default learning rate. */
    public static final double DEFAULT_LR = 1e-4;

    private final double beta1;
    private final double beta2;
    private final double weightDecay;

    private final float b1;
    private final float oneMinusB1;
    private final float b2;
    private final float oneMinusB2;
    private float negativeLr;
    private float decayFactor;

    private Lion(Builder builder) {
        super(NAME, builder.lr, List.of("exp_avg"));
        this.beta1 = decayRate("betas[0]", builder.beta1);
        this.beta2 = decayRate("betas[1]", builder.beta2);
        this.weightDecay = atLeast("weight_decay", builder.weightDecay, 0);
        this.b1 = (float) beta1;
        this.oneMinusB1 = (float) (1 - beta1);
        this.b2 = (float) beta2;
        this.oneMinusB2 = (float) (1 - beta2);
    }

    /** A builder with the defaults: lr 1e-4, betas (0.9, 0.99), no weight decay. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected void beginStep(long step) {
        negativeLr = (float) -learningRate();
        decayFactor = (float) (1 - learningRate() * weightDecay);
    }

    @Override
    protected void update(int i, float[] p, float[] g, float[][] slots) {
        float[] m = slots[0];
        p[i] *= decayFactor;
        float interpolation = Math.fma(oneMinusB1, g[i], m[i] * b1);
        p[i] = Math.fma(negativeLr, Math.signum(interpolation), p[i]);
        m[i] = Math.fma(oneMinusB2, g[i], m[i] * b2);
    }

    /** The settings as a spec would write them: {@code lion(lr=0.0001, betas=[0.9, 0.99], weight_decay=0)}. */
    @Override
    public String toString() {
        return NAME + "(lr=" + format(learningRate()) + ", betas=[" + format(beta1) + ", " + format(beta2)
                + "], weight_decay=" + format(weightDecay) + ")";
    }

    /** Collects the settings; {@link #build()} checks them. */
    public static final class Builder {
        private double lr = DEFAULT_LR;
        private double beta1 = 0.9;
        private double beta2 = 0.99;
        private double weightDecay;

        private Builder() {}

        /** Learning rate, the size of every element's step, {@code >= 0}; default 1e-4. */
        public Builder lr(double lr) {
            this.lr = lr;
            return this;
        }

        /**
         * The interpolation weight of the momentum in the update's sign, and the momentum's decay rate, each
         * in [0, 1); default 0.9 and 0.99.
         */
        public Builder betas(double beta1, double beta2) {
            this.beta1 = beta1;
            this.beta2 = beta2;
            return this;
        }

        /** Decoupled weight decay, {@code >= 0}: each step multiplies p by {@code 1 - lr * weight_decay}. */
        public Builder weightDecay(double weightDecay) {
            this.weightDecay = weightDecay;
            return this;
        }

        /** @throws IllegalArgumentException for a negative lr or weight decay, or a beta outside [0, 1) */
        public Lion build() {
            return new Lion(this);
        }
    }
}
