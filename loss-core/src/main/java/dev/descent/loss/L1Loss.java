package dev.descent.loss;

import dev.descent.api.ElementwiseLoss;

import dev.descent.api.Reduction;

/**
 * Mean absolute error, PyTorch's {@code L1Loss}: {@code |p - t|} per element, gradient {@code sign(p - t)}
 * and 0 where {@code p == t}, reduced as {@link ElementwiseLoss} says (mean by default).
 *
 * <p>Unlike PyTorch, a NaN prediction gives a NaN gradient as well as a NaN value: PyTorch's
 * {@code sign(NaN)} is 0 (pytorch/pytorch#41245), which would hide the NaN from the optimizer.
 */
public final class L1Loss extends ElementwiseLoss {
    /** The canonical name, as written in specs. */
    public static final String NAME = "l1";

    /** The absolute error reduced by {@code reduction}. */
    public L1Loss(Reduction reduction) {
        super(NAME, reduction);
    }

    /** The mean absolute error, PyTorch's default reduction. */
    public L1Loss() {
        this(Reduction.MEAN);
    }

    /** For {@link RmseLoss} with reduction none, {@code sqrt((p - t)^2) = |p - t|}, under its own name. */
    L1Loss(String name, Reduction reduction) {
        super(name, reduction);
    }

    @Override
    protected double value(double prediction, double target) {
        return Math.abs(prediction - target);
    }

    @Override
    protected double derivative(double prediction, double target) {
        // signum is 0 at 0 and NaN at NaN.
        return Math.signum(prediction - target);
    }
}
