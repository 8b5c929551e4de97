package dev.descent.loss;

import dev.descent.api.Reduction;
import dev.descent.loss.kernel.LossKernels;
import dev.descent.loss.kernel.ScalarLossKernels;

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
public final class HuberLoss extends KernelLoss {
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
    double sum(LossKernels kernels, float[] p, float[] t, float[] g, double scale) {
        return kernels.huber(p, t, g, scale, delta);
    }

    @Override
    double value(float[] p, float[] t, int i) {
        return ScalarLossKernels.huber(p, t, i, null, 1, delta);
    }

    /** The spec that makes this loss: {@code huber(delta=1.0, reduction=mean)}. */
    @Override
    public String toString() {
        return NAME + "(delta=" + delta + ", reduction=" + reduction().specName() + ")";
    }
}
