package dev.descent.optim;

import dev.descent.api.ElementwiseOptimizer;
import java.util.List;

/**
 * NAdam: PyTorch's {@code torch.optim.NAdam}, Adam with Nesterov momentum (Dozat 2016). Per element, with
 * {@code g} the gradient and k the step count from 1:
 *
 * <pre>
 * if weight_decay != 0: g = g + weight_decay * p
 * mu_k = beta1 * (1 - 0.5 * 0.96^(k * momentum_decay))            (the momentum schedule)
 * mu_product = mu_1 * mu_2 * ... * mu_k
 * exp_avg = beta1 * exp_avg + (1 - beta1) * g
 * exp_avg_sq = beta2 * exp_avg_sq + (1 - beta2) * g * g
 * denom = sqrt(exp_avg_sq / (1 - beta2^k)) + eps
 * p = p - lr * (1 - mu_k) / (1 - mu_product) * g / denom
 * p = p - lr * mu_(k+1) / (1 - mu_product * mu_k * mu_(k+1)) * exp_avg / denom
 * </pre>
 *
 * <p><b>The extra mu_k</b> in the last line is PyTorch 1.13's single-tensor implementation, which this class
 * follows bit for bit as its fixtures check: {@code mu_product} already holds {@code mu_k} there, so Dozat's
 * {@code 1 - mu_product * mu_(k+1)} gets {@code mu_k} twice. PyTorch 1.13's own foreach implementation and
 * PyTorch 2.0 on (pytorch/pytorch#92699) leave it out, so their trajectories differ slightly, mostly in the
 * first steps.
 *
 * <p>The arithmetic is that of PyTorch 1.13's single-tensor implementation on float32, as in {@link Adam}.
 * PyTorch keeps {@code mu_product} as a float32 tensor, multiplied by each {@code mu_k} rounded to float, and
 * computes the two step sizes in double from it before rounding them to float; so does this class.
 *
 * <p><b>mu_product</b> is a function of the step count alone: PyTorch stores it per parameter in its state,
 * while this class recomputes it from {@code step} (incrementally, and from the first step after
 * {@link #loadState}), so resuming is exact without it. {@link #state()} holds {@code lr}, {@code step} and
 * per parameter {@code exp_avg/<name>} and {@code exp_avg_sq/<name>}. As the step count is shared (see
 * {@link ElementwiseOptimizer}), so is {@code mu_product}.
 *
 * <p>PyTorch 1.13's NAdam has no {@code maximize}; neither has this one.
 */
public final class NAdam extends ElementwiseOptimizer {
    static final String NAME = "nadam";
    /** PyTorch's default learning rate. */
    public static final double DEFAULT_LR = 0.002;
    /** PyTorch's default momentum decay, the 0.004 of Dozat's paper. */
    public static final double DEFAULT_MOMENTUM_DECAY = 0.004;

    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final double momentumDecay;

    private final Decay b1;
    private final Decay b2;
    private final float epsilon;
    private final float l2;
    private float biasCorrection2;
    private float gradientStepSize;
    private float momentumStepSize;
    // mu_1 * ... * mu_k as PyTorch's float32 tensor holds it, for k = productStep.
    private float muProduct = 1f;
    private long productStep;

    private NAdam(Builder builder) {
        super(NAME, builder.lr, List.of("exp_avg", "exp_avg_sq"));
        this.eps = atLeast("eps", builder.eps, 0);
        this.beta1 = decayRate("betas[0]", builder.beta1);
        this.beta2 = decayRate("betas[1]", builder.beta2);
        this.weightDecay = atLeast("weight_decay", builder.weightDecay, 0);
        this.momentumDecay = atLeast("momentum_decay", builder.momentumDecay, 0);
        this.b1 = Decay.of(beta1);
        this.b2 = Decay.of(beta2);
        this.epsilon = (float) eps;
        this.l2 = (float) weightDecay;
    }

    /**
     * A builder with PyTorch's defaults: lr 0.002, betas (0.9, 0.999), eps 1e-8, no weight decay, momentum
     * decay 0.004.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** The momentum coefficient of step k, in double as PyTorch computes it. */
    private double mu(long step) {
        return beta1 * (1 - 0.5 * Math.pow(0.96, step * momentumDecay));
    }

    /** mu_1 * ... * mu_k in float, one rounding per factor as PyTorch's {@code mu_product *= mu}. */
    private float muProduct(long step) {
        if (step <= productStep) {
            // The count went back (loadState): start over from the first step.
            productStep = 0;
            muProduct = 1f;
        }
        while (productStep < step) {
            productStep++;
            muProduct *= (float) mu(productStep);
        }
        return muProduct;
    }

    @Override
    protected void beginStep(long step) {
        double lr = learningRate();
        double mu = mu(step);
        double muNext = mu(step + 1);
        float product = muProduct(step);
        // mu a second time, as PyTorch 1.13's single-tensor NAdam (see the class comment).
        float productNext = product * (float) mu * (float) muNext;
        biasCorrection2 = (float) (1 - Math.pow(beta2, step));
        // In double from the float products (PyTorch's .item()), then rounded to float by addcdiv.
        gradientStepSize = (float) (-lr * (1 - mu) / (1 - (double) product));
        momentumStepSize = (float) (-lr * muNext / (1 - (double) productNext));
    }

    @Override
    protected void update(int i, float[] p, float[] grad, float[][] slots) {
        float[] expAvg = slots[0];
        float[] expAvgSq = slots[1];
        float g = Gradients.effective(grad[i], p[i], false, l2);
        expAvg[i] = b1.average(expAvg[i], g);
        expAvgSq[i] = b2.averageOfSquares(expAvgSq[i], g);
        float denominator = (float) Math.sqrt(expAvgSq[i] / biasCorrection2) + epsilon;
        p[i] = p[i] + gradientStepSize * g / denominator;
        p[i] = p[i] + momentumStepSize * expAvg[i] / denominator;
    }

    /** The settings as a spec would write them: {@code nadam(lr=0.002, betas=[0.9, 0.999], ...)}. */
    @Override
    public String toString() {
        return NAME + "(lr=" + format(learningRate()) + ", betas=[" + format(beta1) + ", " + format(beta2)
                + "], eps=" + format(eps) + ", weight_decay=" + format(weightDecay) + ", momentum_decay="
                + format(momentumDecay) + ")";
    }

    /** Collects the settings; {@link #build()} checks them as PyTorch's constructor does. */
    public static final class Builder extends OptimizerBuilder<Builder, NAdam> {
        private double beta1 = 0.9;
        private double beta2 = 0.999;
        private double momentumDecay = DEFAULT_MOMENTUM_DECAY;

        private Builder() {
            super(DEFAULT_LR, 1e-8, 0);
        }

        /** Decay rates of the first and second moment estimates, each in [0, 1); default 0.9 and 0.999. */
        public Builder betas(double beta1, double beta2) {
            this.beta1 = beta1;
            this.beta2 = beta2;
            return this;
        }

        /** How fast the momentum coefficient rises towards beta1, {@code >= 0}; default 0.004. */
        public Builder momentumDecay(double momentumDecay) {
            this.momentumDecay = momentumDecay;
            return this;
        }

        /**
         * @throws IllegalArgumentException for a negative lr, eps, weight decay or momentum decay, or a beta
         *     outside [0, 1)
         */
        @Override
        public NAdam build() {
            return new NAdam(this);
        }
    }
}
