package dev.descent.optim;

import dev.descent.api.ElementwiseOptimizer;
import java.util.List;

/**
 * Adadelta: PyTorch's {@code torch.optim.Adadelta}, with its parameters, defaults and update rule. Per element,
 * with {@code g} the gradient:
 *
 * <pre>
 * if maximize:          g = -g
 * if weight_decay != 0: g = g + weight_decay * p
 * square_avg = rho * square_avg + (1 - rho) * g * g
 * delta = sqrt(acc_delta + eps) / sqrt(square_avg + eps) * g
 * acc_delta = rho * acc_delta + (1 - rho) * delta * delta
 * p = p - lr * delta
 * </pre>
 *
 * <p>The arithmetic is that of PyTorch 1.13's single-tensor implementation on float32, as in {@link Adam}:
 * rho, {@code 1 - rho}, eps and lr rounded to float, {@code add(alpha=)} and {@code addcmul} fused
 * multiply-adds; {@code delta} is {@code (sqrt(acc_delta + eps) / std) * g}, in that order.
 *
 * <p>{@link #state()} holds {@code lr}, {@code step} and per parameter {@code square_avg/<name>} and
 * {@code acc_delta/<name>}, PyTorch's state keys.
 */
public final class Adadelta extends ElementwiseOptimizer {
    static final String NAME = "adadelta";
    /** PyTorch's default learning rate, a scale on Adadelta's own step. */
    public static final double DEFAULT_LR = 1.0;

    private final double rho;
    private final double eps;
    private final double weightDecay;
    private final boolean maximize;

    private final Decay decay;
    private final float epsilon;
    private final float l2;
    private float negativeLr;

    private Adadelta(Builder builder) {
        super(NAME, builder.lr, List.of("square_avg", "acc_delta"));
        // PyTorch allows rho = 1, unlike Adam's betas: then neither average moves and the step is lr * g.
        if (!(builder.rho >= 0 && builder.rho <= 1)) {
            throw new IllegalArgumentException(NAME + ": rho must be in [0, 1], got '" + format(builder.rho) + "'");
        }
        this.rho = builder.rho;
        this.eps = atLeast("eps", builder.eps, 0);
        this.weightDecay = atLeast("weight_decay", builder.weightDecay, 0);
        this.maximize = builder.maximize;
        this.decay = Decay.of(rho);
        this.epsilon = (float) eps;
        this.l2 = (float) weightDecay;
    }

    /** A builder with PyTorch's defaults: lr 1, rho 0.9, eps 1e-6, no weight decay. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected void beginStep(long step) {
        negativeLr = (float) -learningRate();
    }

    @Override
    protected void update(int i, float[] p, float[] grad, float[][] slots) {
        float[] squareAvg = slots[0];
        float[] accDelta = slots[1];
        float g = Gradients.effective(grad[i], p[i], maximize, l2);
        squareAvg[i] = decay.averageOfSquares(squareAvg[i], g);
        float std = (float) Math.sqrt(squareAvg[i] + epsilon);
        float delta = (float) Math.sqrt(accDelta[i] + epsilon) / std * g;
        accDelta[i] = decay.averageOfSquares(accDelta[i], delta);
        p[i] = Math.fma(negativeLr, delta, p[i]);
    }

    /** The settings as a spec would write them: {@code adadelta(lr=1, rho=0.9, ...)}. */
    @Override
    public String toString() {
        return NAME + "(lr=" + format(learningRate()) + ", rho=" + format(rho) + ", eps=" + format(eps)
                + ", weight_decay=" + format(weightDecay) + ", maximize=" + maximize + ")";
    }

    /** Collects the settings; {@link #build()} checks them as PyTorch's constructor does. */
    public static final class Builder extends OptimizerBuilder<Builder, Adadelta> {
        private double rho = 0.9;
        private boolean maximize;

        private Builder() {
            super(DEFAULT_LR, 1e-6, 0);
        }

        /** Decay rate of both running averages, in [0, 1]; default 0.9. */
        public Builder rho(double rho) {
            this.rho = rho;
            return this;
        }

        /** Ascend instead of descend; default false. */
        public Builder maximize(boolean maximize) {
            this.maximize = maximize;
            return this;
        }

        /** @throws IllegalArgumentException for a negative lr, eps or weight decay, or a rho outside [0, 1] */
        @Override
        public Adadelta build() {
            return new Adadelta(this);
        }
    }
}
