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
        // Math.signum's own definition (x at ±0 and NaN, else ±1), written out: JDK 17's C2 replaces a call of
        // Math.signum by an intrinsic that branches on the sign, which mispredicts on mixed errors; the
        // comparisons here are almost never true, and copySign is bit arithmetic.
        double x = prediction - target;
        return x == 0 || x != x ? x : Math.copySign(1.0, x);
    }
}
