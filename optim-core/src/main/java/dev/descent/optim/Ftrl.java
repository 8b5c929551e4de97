package dev.descent.optim;

import dev.descent.api.ElementwiseOptimizer;
import java.util.List;

/**
 * FTRL-Proximal, from McMahan et al., "Ad Click Prediction: a View from the Trenches" (KDD 2013),
 * Algorithm 1, as Keras's {@code tf.keras.optimizers.Ftrl}, with its shrinkage-type L2 and {@code beta}. Each
 * element keeps the sum of its squared gradients ({@code n}) and a linear term ({@code z}), and the parameter
 * is then solved for in closed form, so that an L1 penalty sets it to exactly 0. Per element, with {@code g}
 * the gradient:
 *
 * <pre>
 * g_shrunk = g + 2 * l2_shrinkage * p
 * n_new    = n + g * g
 * sigma    = (n_new^(-lr_power) - n^(-lr_power)) / lr
 * z        = z + g_shrunk - sigma * p
 * quadratic = n_new^(-lr_power) / lr + 2 * (l2 + beta / (2 * lr))
 * p        = (clip(z, -l1, l1) - z) / quadratic           (0 where |z| <= l1)
 * n        = n_new
 * </pre>
 *
 * <p>With the default {@code lr_power = -0.5} each element's rate is {@code lr / sqrt(n)}, as Adagrad's;
 * {@code lr_power = 0} keeps it fixed. {@code n} starts at {@code initial_accumulator_value}, {@code z} at 0.
 * The learning rate divides, so it must stay above 0, also when a schedule changes it.
 *
 * <p>Float arithmetic as Keras's float32 variables: one rounding per operation in the order above, the
 * scalars {@code 2 * l2_shrinkage} and {@code 2 * (l2 + beta / (2 * lr))} computed in double and rounded to
 * float; {@code x^0.5} is the square root, other powers {@code Math.pow} rounded to float.
 *
 * <p>{@link #state()} holds {@code lr}, {@code step} and per parameter {@code accumulator/<name>} ({@code n})
 * and {@code linear/<name>} ({@code z}), Keras's names.
 */
public final class Ftrl extends ElementwiseOptimizer {
    static final String NAME = "ftrl";
    /** Keras's default learning rate. */
    public static final double DEFAULT_LR = 0.001;

    private final double lrPower;
    private final double initialAccumulatorValue;
    private final double l1;
    private final double l2;
    private final double l2Shrinkage;
    private final double beta;

    private final double power;
    private final float initialAccumulator;
    private final float l1Bound;
    private final float twoShrinkage;
    private float rate;
    private float twoL2;

    private Ftrl(Builder builder) {
        super(NAME, builder.lr, List.of("accumulator", "linear"));
        if (!(builder.lr > 0)) {
            throw new IllegalArgumentException(NAME + ": lr must be > 0 (FTRL divides by it), got '"
                    + format(builder.lr) + "'");
        }
        if (!(builder.lrPower <= 0)) {
            throw new IllegalArgumentException(NAME + ": lr_power must be <= 0, got '" + format(builder.lrPower)
                    + "'");
        }
        this.lrPower = builder.lrPower;
        this.initialAccumulatorValue = atLeast("initial_accumulator_value", builder.initialAccumulatorValue, 0);
        this.l1 = atLeast("l1", builder.l1, 0);
        this.l2 = atLeast("l2", builder.l2, 0);
        this.l2Shrinkage = atLeast("l2_shrinkage", builder.l2Shrinkage, 0);
        this.beta = atLeast("beta", builder.beta, 0);
        this.power = -lrPower;
        this.initialAccumulator = (float) initialAccumulatorValue;
        this.l1Bound = (float) l1;
        this.twoShrinkage = (float) (2 * l2Shrinkage);
    }

    /** A builder with Keras's defaults: lr 0.001, lr_power -0.5, initial accumulator 0.1, no regularization. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected float initialValue(int slot) {
        return slot == 0 ? initialAccumulator : 0f;
    }

    @Override
    protected void beginStep(long step) {
        double lr = learningRate();
        rate = (float) lr;
        twoL2 = (float) (2 * (l2 + beta / (2 * lr)));
    }

    @Override
    protected void update(int i, float[] p, float[] g, float[][] slots) {
        float[] n = slots[0];
        float[] z = slots[1];
        float shrunk = g[i] + twoShrinkage * p[i];
        float next = n[i] + g[i] * g[i];
        float nextPower = power(next);
        float sigma = (nextPower - power(n[i])) / rate;
        z[i] = z[i] + (shrunk - sigma * p[i]);
        float quadratic = nextPower / rate + twoL2;
        float clipped = Math.max(-l1Bound, Math.min(l1Bound, z[i]));
        p[i] = (clipped - z[i]) / quadratic;
        n[i] = next;
    }

    /** {@code x^(-lr_power)}: the square root for the default, as PyTorch's and TensorFlow's pow compute it. */
    private float power(float x) {
        return power == 0.5 ? (float) Math.sqrt(x) : (float) Math.pow(x, power);
    }

    /** The settings as a spec would write them: {@code ftrl(lr=0.001, lr_power=-0.5, ...)}. */
    @Override
    public String toString() {
        return NAME + "(lr=" + format(learningRate()) + ", lr_power=" + format(lrPower)
                + ", initial_accumulator_value=" + format(initialAccumulatorValue) + ", l1=" + format(l1) + ", l2="
                + format(l2) + ", l2_shrinkage=" + format(l2Shrinkage) + ", beta=" + format(beta) + ")";
    }

    /** Collects the settings; {@link #build()} checks them as Keras's constructor does. */
    public static final class Builder {
        private double lr = DEFAULT_LR;
        private double lrPower = -0.5;
        private double initialAccumulatorValue = 0.1;
        private double l1;
        private double l2;
        private double l2Shrinkage;
        private double beta;

        private Builder() {}

        /** Learning rate, {@code > 0}; default 0.001. */
        public Builder lr(double lr) {
            this.lr = lr;
            return this;
        }

        /** How the rate falls with the squared gradients, {@code <= 0}; 0 keeps it fixed. Default -0.5. */
        public Builder lrPower(double lrPower) {
            this.lrPower = lrPower;
            return this;
        }

        /** The starting sum of squared gradients, {@code >= 0}; default 0.1. */
        public Builder initialAccumulatorValue(double initialAccumulatorValue) {
            this.initialAccumulatorValue = initialAccumulatorValue;
            return this;
        }

        /** L1 strength, {@code >= 0}: an element whose {@code |z|} stays within it is exactly 0. Default 0. */
        public Builder l1(double l1) {
            this.l1 = l1;
            return this;
        }

        /** Online L2 strength (the paper's lambda2), {@code >= 0}; default 0. */
        public Builder l2(double l2) {
            this.l2 = l2;
            return this;
        }

        /** Shrinkage-type L2, an L2 penalty on the loss added to the gradient, {@code >= 0}; default 0. */
        public Builder l2Shrinkage(double l2Shrinkage) {
            this.l2Shrinkage = l2Shrinkage;
            return this;
        }

        /** The paper's beta, {@code >= 0}, which adds {@code beta / (2 lr)} to the L2 strength; default 0. */
        public Builder beta(double beta) {
            this.beta = beta;
            return this;
        }

        /**
         * @throws IllegalArgumentException for an lr {@code <= 0}, an lr_power {@code > 0}, or a negative
         *     accumulator value or regularization strength
         */
        public Ftrl build() {
            return new Ftrl(this);
        }
    }
}
