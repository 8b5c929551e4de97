package dev.descent.optim;

import dev.descent.api.ElementwiseOptimizer;
import java.util.ArrayList;
import java.util.List;

/**
 * RMSprop: PyTorch's {@code torch.optim.RMSprop}, with its parameters, defaults and update rule. Per element,
 * with {@code g} the gradient:
 *
 * <pre>
 * if maximize:          g = -g
 * if weight_decay != 0: g = g + weight_decay * p
 * square_avg = alpha * square_avg + (1 - alpha) * g * g
 * if centered:          grad_avg = alpha * grad_avg + (1 - alpha) * g
 *                       avg = sqrt(square_avg - grad_avg * grad_avg) + eps
 * else:                 avg = sqrt(square_avg) + eps
 * if momentum > 0:      buf = momentum * buf + g / avg
 *                       p = p - lr * buf
 * else:                 p = p - lr * g / avg
 * </pre>
 *
 * <p>The arithmetic is that of PyTorch 1.13's single-tensor implementation on float32, as in {@link Adam}:
 * the hyperparameters and {@code 1 - alpha} rounded to float, {@code add(alpha=)} and {@code addcmul} fused
 * multiply-adds, {@code addcdiv} as {@code p + (-lr * g) / avg}.
 *
 * <p>{@link #state()} holds {@code lr}, {@code step} and per parameter {@code square_avg/<name>}, with
 * momentum {@code momentum_buffer/<name>} and when centered {@code grad_avg/<name>}: PyTorch's state keys.
 */
public final class RmsProp extends ElementwiseOptimizer {
    static final String NAME = "rmsprop";
    /** PyTorch's default learning rate. */
    public static final double DEFAULT_LR = 0.01;

    private final double alpha;
    private final double eps;
    private final double weightDecay;
    private final double momentum;
    private final boolean centered;
    private final boolean maximize;

    private final Decay average;
    private final float epsilon;
    private final float l2;
    private final float momentumFactor;
    private final int momentumSlot;
    private final int gradAvgSlot;
    private float negativeLr;

    private RmsProp(Builder builder) {
        super(NAME, builder.lr, slots(builder.momentum > 0, builder.centered));
        this.alpha = atLeast("alpha", builder.alpha, 0);
        this.eps = atLeast("eps", builder.eps, 0);
        this.weightDecay = atLeast("weight_decay", builder.weightDecay, 0);
        this.momentum = atLeast("momentum", builder.momentum, 0);
        this.centered = builder.centered;
        this.maximize = builder.maximize;
        this.average = Decay.of(alpha);
        this.epsilon = (float) eps;
        this.l2 = (float) weightDecay;
        this.momentumFactor = (float) momentum;
        this.momentumSlot = slots().indexOf("momentum_buffer");
        this.gradAvgSlot = slots().indexOf("grad_avg");
    }

    // PyTorch's state keys, in the order it creates them; each buffer only where its option is on.
    private static List<String> slots(boolean momentum, boolean centered) {
        List<String> slots = new ArrayList<>(List.of("square_avg"));
        if (momentum) {
            slots.add("momentum_buffer");
        }
        if (centered) {
            slots.add("grad_avg");
        }
        return slots;
    }

    /** A builder with PyTorch's defaults: lr 0.01, alpha 0.99, eps 1e-8, no decay, no momentum, not centered. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected void beginStep(long step) {
        negativeLr = (float) -learningRate();
    }

    @Override
    protected void update(int i, float[] p, float[] grad, float[][] slots) {
        float g = Gradients.effective(grad[i], p[i], maximize, l2);
        float[] squareAvg = slots[0];
        squareAvg[i] = average.averageOfSquares(squareAvg[i], g);
        float avg;
        if (gradAvgSlot >= 0) {
            float[] gradAvg = slots[gradAvgSlot];
            gradAvg[i] = average.average(gradAvg[i], g);
            // square_avg.addcmul(grad_avg, grad_avg, value=-1): the square fused with the subtraction
            avg = (float) Math.sqrt(Math.fma(-gradAvg[i], gradAvg[i], squareAvg[i]));
        } else {
            avg = (float) Math.sqrt(squareAvg[i]);
        }
        avg += epsilon;
        if (momentumSlot >= 0) {
            float[] buf = slots[momentumSlot];
            buf[i] = buf[i] * momentumFactor + g / avg;
            p[i] = Math.fma(negativeLr, buf[i], p[i]);
        } else {
            p[i] = p[i] + negativeLr * g / avg;
        }
    }

    /** The settings as a spec would write them: {@code rmsprop(lr=0.01, alpha=0.99, ...)}. */
    @Override
    public String toString() {
        return NAME + "(lr=" + format(learningRate()) + ", alpha=" + format(alpha) + ", eps=" + format(eps)
                + ", weight_decay=" + format(weightDecay) + ", momentum=" + format(momentum) + ", centered="
                + centered + ", maximize=" + maximize + ")";
    }

    /** Collects the settings; {@link #build()} checks them as PyTorch's constructor does. */
    public static final class Builder extends OptimizerBuilder<Builder, RmsProp> {
        private double alpha = 0.99;
        private double momentum;
        private boolean centered;
        private boolean maximize;

        private Builder() {
            super(DEFAULT_LR, 1e-8, 0);
        }

        /**
         * Decay rate of the running average of the squared gradient, {@code >= 0} (PyTorch does not bound it
         * above); default 0.99.
         */
        public Builder alpha(double alpha) {
            this.alpha = alpha;
            return this;
        }

        /** Momentum factor, {@code >= 0}; default 0, no momentum. */
        public Builder momentum(double momentum) {
            this.momentum = momentum;
            return this;
        }

        /** Divide by an estimate of the gradient's variance instead of its second moment; default false. */
        public Builder centered(boolean centered) {
            this.centered = centered;
            return this;
        }

        /** Ascend instead of descend; default false. */
        public Builder maximize(boolean maximize) {
            this.maximize = maximize;
            return this;
        }

        /** @throws IllegalArgumentException for a negative lr, alpha, eps, weight decay or momentum */
        @Override
        public RmsProp build() {
            return new RmsProp(this);
        }
    }
}
