package dev.descent.optim;

import dev.descent.api.ElementwiseOptimizer;
import java.util.List;

/**
 * Adam and AdamW: PyTorch's {@code torch.optim.Adam} and {@code torch.optim.AdamW}, with their parameters,
 * defaults and update rules. Per element, with {@code g} the gradient and k the step count from 1:
 *
 * <pre>
 * if maximize:                g = -g
 * adam,  if weight_decay != 0: g = g + weight_decay * p              (an L2 penalty)
 * adamw:                       p = p * (1 - lr * weight_decay)       (decoupled weight decay)
 * m = beta1 * m + (1 - beta1) * g
 * v = beta2 * v + (1 - beta2) * g * g
 * if amsgrad:                 v_max = max(v_max, v), and v_max replaces v below
 * p = p - lr / (1 - beta1^k) * m / (sqrt(v) / sqrt(1 - beta2^k) + eps)
 * </pre>
 *
 * <p>The arithmetic is that of PyTorch 1.13's single-tensor implementation on float32 parameters: the
 * hyperparameters and the scalars computed from them in double ({@code 1 - beta}, the step size
 * {@code lr / (1 - beta1^k)}, {@code sqrt(1 - beta2^k)}, {@code 1 - lr * weight_decay}) are rounded to
 * float; the moments are fused multiply-adds as in PyTorch's CPU kernels for {@code add(alpha=)} and
 * {@code addcmul}; eps is added after dividing the square root by the bias correction; the last step is
 * {@code p + (-step_size * m) / denominator}, as {@code addcdiv}. The fixtures of {@code OptimizerFixtureTest}
 * check this against PyTorch step by step.
 *
 * <p>{@link #state()} holds {@code lr}, {@code step} and per parameter {@code exp_avg/<name>},
 * {@code exp_avg_sq/<name>} and, with AMSGrad, {@code max_exp_avg_sq/<name>}; the step count is shared by
 * all parameters (see {@link ElementwiseOptimizer}).
 */
public final class Adam extends ElementwiseOptimizer {
    static final String ADAM = "adam";
    static final String ADAMW = "adamw";
    /** PyTorch's default learning rate for both. */
    public static final double DEFAULT_LR = 0.001;
    /** AdamW's default weight decay; Adam's is 0. */
    public static final double ADAMW_DEFAULT_WEIGHT_DECAY = 0.01;

    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final boolean amsgrad;
    private final boolean maximize;
    private final boolean decoupled;

    private final Decay b1;
    private final Decay b2;
    private final float epsilon;
    private final float l2;
    private float decayFactor;
    private float negativeStepSize;
    private float sqrtBiasCorrection2;

    private Adam(Builder builder) {
        super(builder.decoupled ? ADAMW : ADAM, builder.lr, builder.amsgrad
                ? List.of("exp_avg", "exp_avg_sq", "max_exp_avg_sq")
                : List.of("exp_avg", "exp_avg_sq"));
        this.eps = atLeast("eps", builder.eps, 0);
        this.beta1 = decayRate("betas[0]", builder.beta1);
        this.beta2 = decayRate("betas[1]", builder.beta2);
        this.weightDecay = atLeast("weight_decay", builder.weightDecay, 0);
        this.amsgrad = builder.amsgrad;
        this.maximize = builder.maximize;
        this.decoupled = builder.decoupled;
        // PyTorch rounds each Python scalar to the parameter's dtype, float, where a kernel uses it.
        this.b1 = Decay.of(beta1);
        this.b2 = Decay.of(beta2);
        this.epsilon = (float) eps;
        this.l2 = decoupled ? 0f : (float) weightDecay;
    }

    /** A builder for {@code adam} with PyTorch's defaults: lr 0.001, betas (0.9, 0.999), eps 1e-8, no decay. */
    public static Builder builder() {
        return new Builder(false, 0);
    }

    /** A builder for {@code adamw} with PyTorch's defaults: as Adam, but decoupled weight decay 0.01. */
    public static Builder adamwBuilder() {
        return new Builder(true, ADAMW_DEFAULT_WEIGHT_DECAY);
    }

    @Override
    protected void beginStep(long step) {
        double lr = learningRate();
        // As PyTorch computes them, in double from the Python floats, then rounded to float by the kernels.
        double biasCorrection1 = 1 - Math.pow(beta1, step);
        double biasCorrection2 = 1 - Math.pow(beta2, step);
        negativeStepSize = (float) -(lr / biasCorrection1);
        sqrtBiasCorrection2 = (float) Math.sqrt(biasCorrection2);
        decayFactor = (float) (1 - lr * weightDecay);
    }

    @Override
    protected void update(int i, float[] p, float[] grad, float[][] slots) {
        float[] m = slots[0];
        float[] v = slots[1];
        if (decoupled) {
            p[i] *= decayFactor;
        }
        float g = Gradients.effective(grad[i], p[i], maximize, l2);
        m[i] = b1.average(m[i], g);
        v[i] = b2.averageOfSquares(v[i], g);
        float second = v[i];
        if (amsgrad) {
            float[] vMax = slots[2];
            vMax[i] = Math.max(vMax[i], second);
            second = vMax[i];
        }
        float denominator = (float) Math.sqrt(second) / sqrtBiasCorrection2 + epsilon;
        p[i] = p[i] + negativeStepSize * m[i] / denominator;
    }

    /** The settings as a spec would write them: {@code adam(lr=0.001, betas=[0.9, 0.999], ...)}. */
    @Override
    public String toString() {
        return name() + "(lr=" + format(learningRate()) + ", betas=[" + format(beta1) + ", " + format(beta2)
                + "], eps=" + format(eps) + ", weight_decay=" + format(weightDecay) + ", amsgrad=" + amsgrad
                + ", maximize=" + maximize + ")";
    }

    /** Collects the settings; {@link #build()} checks them as PyTorch's constructor does. */
    public static final class Builder extends OptimizerBuilder<Builder, Adam> {
        private final boolean decoupled;
        private double beta1 = 0.9;
        private double beta2 = 0.999;
        private boolean amsgrad;
        private boolean maximize;

        private Builder(boolean decoupled, double weightDecay) {
            super(DEFAULT_LR, 1e-8, weightDecay);
            this.decoupled = decoupled;
        }

        /** Decay rates of the first and second moment estimates, each in [0, 1); default 0.9 and 0.999. */
        public Builder betas(double beta1, double beta2) {
            this.beta1 = beta1;
            this.beta2 = beta2;
            return this;
        }

        /** Divide by the largest second moment seen so far (AMSGrad); default false. */
        public Builder amsgrad(boolean amsgrad) {
            this.amsgrad = amsgrad;
            return this;
        }

        /** Ascend instead of descend; default false. */
        public Builder maximize(boolean maximize) {
            this.maximize = maximize;
            return this;
        }

        /** @throws IllegalArgumentException for a negative lr, eps or weight decay, or a beta outside [0, 1) */
        @Override
        public Adam build() {
            return new Adam(this);
        }
    }
}
