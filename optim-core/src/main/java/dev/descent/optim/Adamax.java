package dev.descent.optim;

import dev.descent.api.ElementwiseOptimizer;
import java.util.List;

/**
 * Adamax: PyTorch's {@code torch.optim.Adamax}, Adam with the infinity norm in place of the second moment.
 * Per element, with {@code g} the gradient and k the step count from 1:
 *
 * <pre>
 * if maximize:          g = -g
 * if weight_decay != 0: g = g + weight_decay * p
 * exp_avg = beta1 * exp_avg + (1 - beta1) * g
 * exp_inf = max(beta2 * exp_inf, |g| + eps)
 * p = p - lr / (1 - beta1^k) * exp_avg / exp_inf
 * </pre>
 *
 * <p>The arithmetic is that of PyTorch 1.13's single-tensor implementation on float32, as in {@link Adam}:
 * the step size {@code lr / (1 - beta1^k)} computed in double and rounded to float, the first moment a fused
 * multiply-add, the last step {@code p + (-step_size * exp_avg) / exp_inf} as {@code addcdiv}. The maximum
 * propagates NaN, as {@code torch.amax} does.
 *
 * <p>{@link #state()} holds {@code lr}, {@code step} and per parameter {@code exp_avg/<name>} and
 * {@code exp_inf/<name>}, PyTorch's state keys.
 */
public final class Adamax extends ElementwiseOptimizer {
    static final String NAME = "adamax";
    /** PyTorch's default learning rate. */
    public static final double DEFAULT_LR = 0.002;

    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final boolean maximize;

    private final Decay b1;
    private final float b2;
    private final float epsilon;
    private final float l2;
    private float negativeStepSize;

    private Adamax(Builder builder) {
        super(NAME, builder.lr, List.of("exp_avg", "exp_inf"));
        this.eps = atLeast("eps", builder.eps, 0);
        this.beta1 = decayRate("betas[0]", builder.beta1);
        this.beta2 = decayRate("betas[1]", builder.beta2);
        this.weightDecay = atLeast("weight_decay", builder.weightDecay, 0);
        this.maximize = builder.maximize;
        this.b1 = Decay.of(beta1);
        this.b2 = (float) beta2;
        this.epsilon = (float) eps;
        this.l2 = (float) weightDecay;
    }

    /** A builder with PyTorch's defaults: lr 0.002, betas (0.9, 0.999), eps 1e-8, no weight decay. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected void beginStep(long step) {
        negativeStepSize = (float) -(learningRate() / (1 - Math.pow(beta1, step)));
    }

    @Override
    protected void update(int i, float[] p, float[] grad, float[][] slots) {
        float[] expAvg = slots[0];
        float[] expInf = slots[1];
        float g = Gradients.effective(grad[i], p[i], maximize, l2);
        expAvg[i] = b1.average(expAvg[i], g);
        expInf[i] = Math.max(expInf[i] * b2, Math.abs(g) + epsilon);
        p[i] = p[i] + negativeStepSize * expAvg[i] / expInf[i];
    }

    /** The settings as a spec would write them: {@code adamax(lr=0.002, betas=[0.9, 0.999], ...)}. */
    @Override
    public String toString() {
        return NAME + "(lr=" + format(learningRate()) + ", betas=[" + format(beta1) + ", " + format(beta2)
                + "], eps=" + format(eps) + ", weight_decay=" + format(weightDecay) + ", maximize=" + maximize + ")";
    }

    /** Collects the settings; {@link #build()} checks them as PyTorch's constructor does. */
    public static final class Builder extends OptimizerBuilder<Builder, Adamax> {
        private double beta1 = 0.9;
        private double beta2 = 0.999;
        private boolean maximize;

        private Builder() {
            super(DEFAULT_LR, 1e-8, 0);
        }

        /** Decay rates of the first moment and of the infinity norm, each in [0, 1); default 0.9 and 0.999. */
        public Builder betas(double beta1, double beta2) {
            this.beta1 = beta1;
            this.beta2 = beta2;
            return this;
        }

        /** Ascend instead of descend; default false. */
        public Builder maximize(boolean maximize) {
            this.maximize = maximize;
            return this;
        }

        /** @throws IllegalArgumentException for a negative lr, eps or weight decay, or a beta outside [0, 1) */
        @Override
        public Adamax build() {
            return new Adamax(this);
        }
    }
}
