package dev.descent.loss;

import dev.descent.api.ElementwiseLoss;
import dev.descent.api.Reduction;

/**
 * The Huber loss, PyTorch's {@code HuberLoss}: per element, with {@code x = p - t},
 * <pre>
 *   loss = 0.5 x²                    if |x| &lt; delta
 *   loss = delta (|x| - 0.5 delta)   otherwise
 * </pre>
 * the squared error near zero and a linear one, of slope {@code delta}, beyond: robust to outliers, whose
 * gradient is capped at {@code ±delta}. Parameter {@code delta} (default 1, greater than 0). Use it for
 * regression where a few targets are far off; {@code huber(delta) = delta · smooth_l1(beta=delta)}, and
 * the two coincide for {@code delta = 1}. Predictions and targets have the same shape.
 *
 * <p>Gradient, as PyTorch's kernel: {@code -delta} where {@code x <= -delta}, {@code delta} where
 * {@code x >= delta}, {@code x} between (continuous, so the boundary takes either side). A NaN prediction
 * gives a NaN value and gradient, as PyTorch.
 */
public final class HuberLoss extends ElementwiseLoss {
    /** The canonical name, as written in specs. */
    public static final String NAME = "huber";

    private final double delta;

    /**
     * @param delta where the loss turns from quadratic to linear, greater than 0
     * @throws IllegalArgumentException if {@code delta} is not greater than 0
     */
    public HuberLoss(double delta, Reduction reduction) {
        super(NAME, reduction);
        if (!(delta > 0) || Double.isInfinite(delta)) {
            throw new IllegalArgumentException(NAME + ": delta is '" + delta
                    + "'; it must be a finite number greater than 0");
        }
        this.delta = delta;
    }

    /** PyTorch's defaults: delta 1, the mean. */
    public HuberLoss() {
        this(1, Reduction.MEAN);
    }

    /** Where the loss turns from quadratic to linear. */
    public double delta() {
        return delta;
    }

    @Override
    protected double value(double prediction, double target) {
        // m = min(|x|, delta): m (|x| - m / 2) is 0.5 x² inside and delta (|x| - delta / 2) outside, bit for bit
        // (|x| - |x| / 2 is exact). Branch-free on purpose: a branch on |x| < delta mispredicts on mixed
        // errors and made this loss 10x slower in LossBenchmark. NaN stays NaN through Math.min.
        double z = Math.abs(prediction - target);
        double m = Math.min(z, delta);
        return m * (z - 0.5 * m);
    }

    @Override
    protected double derivative(double prediction, double target) {
        // PyTorch's huber_backward, x clamped to [-delta, delta]; NaN stays NaN. Branch-free, as value.
        return Math.max(-delta, Math.min(prediction - target, delta));
    }

    /** The spec that makes this loss: {@code huber(delta=1.0, reduction=mean)}. */
    @Override
    public String toString() {
        return NAME + "(delta=" + delta + ", reduction=" + reduction().specName() + ")";
    }
}
