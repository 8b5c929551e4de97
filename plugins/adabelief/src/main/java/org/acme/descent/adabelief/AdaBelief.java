package org.acme.descent.adabelief;

import dev.descent.api.ElementwiseOptimizer;
import java.util.List;

/**
 * AdaBelief, from Zhuang et al., "AdaBelief Optimizer: Adapting Stepsizes by the Belief in Observed
 * Gradients" (NeurIPS 2020), following the authors' PyTorch reference {@code adabelief-pytorch} 0.2.0 with
 * {@code rectify=False}. Adam divides by the spread of the gradient around zero; AdaBelief divides by its
 * spread around the prediction {@code m}, so it takes large steps where the gradient is as "believed" and
 * small ones where it surprises. Per element, with {@code g} the gradient and k the step count from 1:
 *
 * <pre>
 * weight decay:   p = p (1 - lr wd)               (weight_decouple, the default)
 *                 p = p (1 - wd)                  (weight_decouple and fixed_decay)
 *                 g = g + wd p                    (not weight_decouple: an L2 penalty)
 * m = b1 m + (1 - b1) g
 * s = b2 s + (1 - b2) (g - m)^2 + eps             (the reference adds eps to the stored s)
 * s_max = max(s_max, s)                           (amsgrad only; then s_max replaces s below)
 * p = p - lr / (1 - b1^k) * m / (sqrt(s / (1 - b2^k)) + eps)
 * </pre>
 *
 * <p>Defaults are those of the reference 0.2.0: lr 1e-3, betas (0.9, 0.999), eps 1e-16, weight decay 0,
 * decoupled, not fixed, no AMSGrad. The reference's default {@code rectify=True} (a RAdam-style warm-up)
 * is not implemented: this is its {@code rectify=False} update.
 *
 * <p>The update runs in {@code float} with the hyperparameters rounded to float, as PyTorch's does for
 * float32 parameters; the bias corrections are computed in double, as the reference does in Python.
 *
 * <p>Written on the API's {@link ElementwiseOptimizer}, which keeps the per-element state, the learning rate
 * and the step count, and makes {@link #state()} exact: this class declares its slots and writes the update
 * of one element. {@link #state()} holds {@code lr}, {@code step} (the number of steps taken, shared by all
 * parameters: every call of {@link #step} counts one) and per parameter {@code exp_avg/<name>},
 * {@code exp_avg_var/<name>} and, with AMSGrad, {@code max_exp_avg_var/<name>}. Because the count is
 * shared, a parameter first seen after k steps is bias-corrected as if it had k steps of history, where
 * the reference would count its own; step one fixed set of parameters, as a model does.
 */
public final class AdaBelief extends ElementwiseOptimizer {
    /** The canonical name, as written in specs. */
    public static final String NAME = "adabelief";

    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final boolean amsgrad;
    private final boolean weightDecouple;
    private final boolean fixedDecay;

    // PyTorch rounds the scalar hyperparameters to the parameter's dtype, float.
    private final float b1;
    private final float oneMinusB1;
    private final float b2;
    private final float oneMinusB2;
    private final float epsilon;
    private final float decay;
    private float shrink;
    private float sqrtBiasCorrection2;
    private float stepSize;

    private AdaBelief(Builder builder) {
        super(NAME, builder.lr, builder.amsgrad
                ? List.of("exp_avg", "exp_avg_var", "max_exp_avg_var")
                : List.of("exp_avg", "exp_avg_var"));
        this.beta1 = decayRate("betas[0]", builder.beta1);
        this.beta2 = decayRate("betas[1]", builder.beta2);
        this.eps = atLeast("eps", builder.eps, 0);
        this.weightDecay = atLeast("weight_decay", builder.weightDecay, 0);
        this.amsgrad = builder.amsgrad;
        this.weightDecouple = builder.weightDecouple;
        this.fixedDecay = builder.fixedDecay;
        this.b1 = (float) beta1;
        this.oneMinusB1 = (float) (1 - beta1);
        this.b2 = (float) beta2;
        this.oneMinusB2 = (float) (1 - beta2);
        this.epsilon = (float) eps;
        this.decay = (float) weightDecay;
    }

    /** A builder starting from the reference 0.2.0's defaults (see the class comment). */
    public static Builder builder() {
        return new Builder();
    }

    /** The bias corrections in double, as the reference computes them in Python. */
    @Override
    protected void beginStep(long step) {
        double lr = learningRate();
        shrink = (float) (fixedDecay ? 1 - weightDecay : 1 - lr * weightDecay);
        sqrtBiasCorrection2 = (float) Math.sqrt(1 - Math.pow(beta2, step));
        stepSize = (float) (lr / (1 - Math.pow(beta1, step)));
    }

    @Override
    protected void update(int i, float[] p, float[] grad, float[][] slots) {
        float[] m = slots[0];
        float[] s = slots[1];
        float g = grad[i];
        if (weightDecouple) {
            p[i] *= shrink;
        } else if (weightDecay != 0) {
            g = Math.fma(decay, p[i], g);
        }
        m[i] = Math.fma(oneMinusB1, g, m[i] * b1);
        float residual = g - m[i];
        s[i] = Math.fma(oneMinusB2, residual * residual, s[i] * b2) + epsilon;
        float variance = s[i];
        if (amsgrad) {
            float[] sMax = slots[2];
            sMax[i] = Math.max(sMax[i], s[i]);
            variance = sMax[i];
        }
        float denominator = (float) Math.sqrt(variance) / sqrtBiasCorrection2 + epsilon;
        p[i] = Math.fma(-stepSize, m[i] / denominator, p[i]);
    }

    /** The settings as a spec would write them. */
    @Override
    public String toString() {
        return NAME + "(lr=" + learningRate() + ", betas=[" + beta1 + ", " + beta2 + "], eps=" + eps + ", weight_decay="
                + weightDecay + ", amsgrad=" + amsgrad + ", weight_decouple=" + weightDecouple + ", fixed_decay="
                + fixedDecay + ")";
    }

    /** Collects the settings; {@link #build()} checks them as the reference's constructor does. */
    public static final class Builder {
        private double lr = 1e-3;
        private double beta1 = 0.9;
        private double beta2 = 0.999;
        private double eps = 1e-16;
        private double weightDecay;
        private boolean amsgrad;
        private boolean weightDecouple = true;
        private boolean fixedDecay;

        private Builder() {}

        /** Learning rate, {@code >= 0}; default 1e-3. */
        public Builder lr(double lr) {
            this.lr = lr;
            return this;
        }

        /** Decay rates of the first moment and of the belief, each in [0, 1); default 0.9 and 0.999. */
        public Builder betas(double beta1, double beta2) {
            this.beta1 = beta1;
            this.beta2 = beta2;
            return this;
        }

        /** Added to the belief and to the denominator, {@code >= 0}; default 1e-16. */
        public Builder eps(double eps) {
            this.eps = eps;
            return this;
        }

        /** Weight decay, {@code >= 0}; default 0. */
        public Builder weightDecay(double weightDecay) {
            this.weightDecay = weightDecay;
            return this;
        }

        /** Divide by the largest belief seen so far (AMSGrad); default false. */
        public Builder amsgrad(boolean amsgrad) {
            this.amsgrad = amsgrad;
            return this;
        }

        /** Decay the weights directly, as AdamW, instead of adding an L2 term to the gradient; default true. */
        public Builder weightDecouple(boolean weightDecouple) {
            this.weightDecouple = weightDecouple;
            return this;
        }

        /** With decoupled decay, shrink by {@code 1 - wd} rather than {@code 1 - lr wd}; default false. */
        public Builder fixedDecay(boolean fixedDecay) {
            this.fixedDecay = fixedDecay;
            return this;
        }

        /** @throws IllegalArgumentException for a negative lr, eps or weight decay, or a beta outside [0, 1) */
        public AdaBelief build() {
            return new AdaBelief(this);
        }
    }
}
