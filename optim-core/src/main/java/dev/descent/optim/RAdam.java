package dev.descent.optim;

import dev.descent.api.ElementwiseOptimizer;
import java.util.List;

/**
 * RAdam: PyTorch's {@code torch.optim.RAdam}, Adam with its adaptive step rectified while the second moment
 * is still too uncertain (Liu et al. 2020). Per element, with {@code g} the gradient and k the step count
 * from 1:
 *
 * <pre>
 * if weight_decay != 0: g = g + weight_decay * p
 * exp_avg = beta1 * exp_avg + (1 - beta1) * g
 * exp_avg_sq = beta2 * exp_avg_sq + (1 - beta2) * g * g
 * m = exp_avg / (1 - beta1^k)
 * rho_inf = 2 / (1 - beta2) - 1
 * rho_k = rho_inf - 2 k beta2^k / (1 - beta2^k)
 * if rho_k > 5: r = sqrt((rho_k - 4) (rho_k - 2) rho_inf / ((rho_inf - 4) (rho_inf - 2) rho_k))
 *               p = p - m * lr * (sqrt(1 - beta2^k) / (sqrt(exp_avg_sq) + eps)) * r
 * else:         p = p - m * lr                                       (momentum SGD, the first steps)
 * </pre>
 *
 * <p>The arithmetic is that of PyTorch 1.13's single-tensor implementation on float32, as in {@link Adam}:
 * the scalars ({@code 1 - beta1^k}, lr, {@code sqrt(1 - beta2^k)}, r) computed in double and rounded to float,
 * the products rounded left to right as written, and {@code sqrt(1 - beta2^k) / x} computed as
 * {@code (1 / x) * sqrt(1 - beta2^k)}, as PyTorch divides a number by a tensor.
 *
 * <p>{@link #state()} holds {@code lr}, {@code step} and per parameter {@code exp_avg/<name>} and
 * {@code exp_avg_sq/<name>}, PyTorch's state keys. PyTorch 1.13's RAdam has no {@code maximize}; neither has
 * this one.
 */
public final class RAdam extends ElementwiseOptimizer {
    static final String NAME = "radam";
    /** PyTorch's default learning rate. */
    public static final double DEFAULT_LR = 0.001;

    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;

    private final Decay b1;
    private final Decay b2;
    private final float epsilon;
    private final float l2;
    private float lr;
    private float biasCorrection1;
    private boolean rectified;
    private float sqrtBiasCorrection2;
    private float rectification;

    private RAdam(Builder builder) {
        super(NAME, builder.lr, List.of("exp_avg", "exp_avg_sq"));
        this.eps = atLeast("eps", builder.eps, 0);
        this.beta1 = decayRate("betas[0]", builder.beta1);
        this.beta2 = decayRate("betas[1]", builder.beta2);
        this.weightDecay = atLeast("weight_decay", builder.weightDecay, 0);
        this.b1 = Decay.of(beta1);
        this.b2 = Decay.of(beta2);
        this.epsilon = (float) eps;
        this.l2 = (float) weightDecay;
    }

    /** A builder with PyTorch's defaults: lr 0.001, betas (0.9, 0.999), eps 1e-8, no weight decay. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected void beginStep(long step) {
        double bias1 = 1 - Math.pow(beta1, step);
        double bias2 = 1 - Math.pow(beta2, step);
        double rhoInf = 2 / (1 - beta2) - 1;
        double rho = rhoInf - 2 * step * Math.pow(beta2, step) / bias2;
        lr = (float) learningRate();
        biasCorrection1 = (float) bias1;
        rectified = rho > 5;
        sqrtBiasCorrection2 = (float) Math.sqrt(bias2);
        rectification = rectified
                ? (float) Math.sqrt((rho - 4) * (rho - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rho))
                : 0f;
    }

    @Override
    protected void update(int i, float[] p, float[] grad, float[][] slots) {
        float[] expAvg = slots[0];
        float[] expAvgSq = slots[1];
        float g = Gradients.effective(grad[i], p[i], false, l2);
        expAvg[i] = b1.average(expAvg[i], g);
        expAvgSq[i] = b2.averageOfSquares(expAvgSq[i], g);
        float corrected = expAvg[i] / biasCorrection1;
        if (rectified) {
            float adaptiveLr = 1f / ((float) Math.sqrt(expAvgSq[i]) + epsilon) * sqrtBiasCorrection2;
            p[i] = p[i] - corrected * lr * adaptiveLr * rectification;
        } else {
            p[i] = p[i] - corrected * lr;
        }
    }

    /** The settings as a spec would write them: {@code radam(lr=0.001, betas=[0.9, 0.999], ...)}. */
    @Override
    public String toString() {
        return NAME + "(lr=" + format(learningRate()) + ", betas=[" + format(beta1) + ", " + format(beta2)
                + "], eps=" + format(eps) + ", weight_decay=" + format(weightDecay) + ")";
    }

    /** Collects the settings; {@link #build()} checks them as PyTorch's constructor does. */
    public static final class Builder extends OptimizerBuilder<Builder, RAdam> {
        private double beta1 = 0.9;
        private double beta2 = 0.999;

        private Builder() {
            super(DEFAULT_LR, 1e-8, 0);
        }

        /** Decay rates of the first and second moment estimates, each in [0, 1); default 0.9 and 0.999. */
        public Builder betas(double beta1, double beta2) {
            this.beta1 = beta1;
            this.beta2 = beta2;
            return this;
        }

        /** @throws IllegalArgumentException for a negative lr, eps or weight decay, or a beta outside [0, 1) */
        @Override
        public RAdam build() {
            return new RAdam(this);
        }
    }
}
