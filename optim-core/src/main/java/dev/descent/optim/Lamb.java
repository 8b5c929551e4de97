package dev.descent.optim;

import dev.descent.api.ElementwiseOptimizer;
import java.util.List;

/**
 * LAMB, from You et al., "Large Batch Optimization for Deep Learning: Training BERT in 76 minutes" (ICLR 2020),
 * as optax's {@code optax.lamb}: Adam's direction plus decoupled weight decay, rescaled per parameter so that
 * its norm is the parameter's (the trust ratio). With {@code g} the gradient and k the step count from 1:
 *
 * <pre>
 * per element:   m = beta1 * m + (1 - beta1) * g
 *                v = beta2 * v + (1 - beta2) * g * g
 *                u = (m / (1 - beta1^k)) / (sqrt(v / (1 - beta2^k)) + eps) + weight_decay * p
 * per parameter: ratio = ||p|| / ||u||, or 1 where ||p|| = 0 or ||u|| = 0
 * per element:   p = p - lr * ratio * u
 * </pre>
 *
 * <p>That is optax's chain {@code scale_by_adam} (eps outside the square root, {@code eps_root} 0),
 * {@code add_decayed_weights}, {@code scale_by_trust_ratio} (no minimum norm, coefficient 1) and
 * {@code -lr}. A norm is over the whole parameter tensor, whatever its shape.
 *
 * <p>Float arithmetic: the scalars ({@code 1 - beta}, the bias corrections, {@code -lr * ratio}) computed in
 * double and rounded to float; the moments fused multiply-adds as {@link Adam}'s; a norm summed in double and
 * rounded to float, the ratio divided in float.
 *
 * <p>{@link #state()} holds {@code lr}, {@code step} and per parameter {@code exp_avg/<name>} and
 * {@code exp_avg_sq/<name>} (optax's {@code mu} and {@code nu}).
 */
public final class Lamb extends ElementwiseOptimizer {
    static final String NAME = "lamb";
    /** optax's example learning rate; LAMB is meant for larger ones, with large batches. */
    public static final double DEFAULT_LR = 1e-3;

    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;

    private final float b1;
    private final float oneMinusB1;
    private final float b2;
    private final float oneMinusB2;
    private final float epsilon;
    private final float decay;
    private float biasCorrection1;
    private float biasCorrection2;
    /** The update of the parameter being stepped, before the trust ratio; reused from one to the next. */
    private float[] direction = new float[0];

    private Lamb(Builder builder) {
        super(NAME, builder.lr, List.of("exp_avg", "exp_avg_sq"));
        this.beta1 = decayRate("betas[0]", builder.beta1);
        this.beta2 = decayRate("betas[1]", builder.beta2);
        this.eps = atLeast("eps", builder.eps, 0);
        this.weightDecay = atLeast("weight_decay", builder.weightDecay, 0);
        this.b1 = (float) beta1;
        this.oneMinusB1 = (float) (1 - beta1);
        this.b2 = (float) beta2;
        this.oneMinusB2 = (float) (1 - beta2);
        this.epsilon = (float) eps;
        this.decay = (float) weightDecay;
    }

    /** A builder with optax's defaults: lr 1e-3, betas (0.9, 0.999), eps 1e-6, no weight decay. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected void beginStep(long step) {
        biasCorrection1 = (float) (1 - Math.pow(beta1, step));
        biasCorrection2 = (float) (1 - Math.pow(beta2, step));
    }

    /** Adam's direction plus weight decay, into {@link #direction}; the parameter moves in the second pass. */
    @Override
    protected void update(int i, float[] p, float[] g, float[][] slots) {
        float[] m = slots[0];
        float[] v = slots[1];
        m[i] = Math.fma(oneMinusB1, g[i], m[i] * b1);
        v[i] = Math.fma(oneMinusB2 * g[i], g[i], v[i] * b2);
        float adam = (m[i] / biasCorrection1) / ((float) Math.sqrt(v[i] / biasCorrection2) + epsilon);
        direction[i] = decay == 0f ? adam : Math.fma(decay, p[i], adam);
    }

    @Override
    protected void update(float[] p, float[] g, float[][] slots) {
        if (direction.length < p.length) {
            direction = new float[p.length];
        }
        super.update(p, g, slots);
        float parameterNorm = Norms.euclidean(p, 0, 1, p.length);
        float updateNorm = Norms.euclidean(direction, 0, 1, p.length);
        float ratio = parameterNorm == 0f || updateNorm == 0f ? 1f : parameterNorm / updateNorm;
        float step = (float) (-learningRate() * ratio);
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.fma(step, direction[i], p[i]);
        }
    }

    /** The settings as a spec would write them: {@code lamb(lr=0.001, betas=[0.9, 0.999], ...)}. */
    @Override
    public String toString() {
        return NAME + "(lr=" + format(learningRate()) + ", betas=[" + format(beta1) + ", " + format(beta2)
                + "], eps=" + format(eps) + ", weight_decay=" + format(weightDecay) + ")";
    }

    /**
     * Collects the settings: lr (default 1e-3), eps (added to the denominator of Adam's direction, default
     * 1e-6), weight decay (decoupled, added to the direction before the trust ratio, default 0), and betas;
     * {@link #build()} checks them.
     */
    public static final class Builder extends OptimizerBuilder<Builder, Lamb> {
        private double beta1 = 0.9;
        private double beta2 = 0.999;

        private Builder() {
            super(DEFAULT_LR, 1e-6, 0);
        }

        /** Decay rates of the first and second moment estimates, each in [0, 1); default 0.9 and 0.999. */
        public Builder betas(double beta1, double beta2) {
            this.beta1 = beta1;
            this.beta2 = beta2;
            return this;
        }

        /** @throws IllegalArgumentException for a negative lr, eps or weight decay, or a beta outside [0, 1) */
        @Override
        public Lamb build() {
            return new Lamb(this);
        }
    }
}
