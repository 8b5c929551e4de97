package dev.descent.loss;

import dev.descent.api.ElementwiseLoss;

import dev.descent.api.Reduction;

/**
 * Mean absolute error, PyTorch's {@code L1Loss}: {@code |p - t|} per element, gradient {@code sign(p - t)}
 * and 0 where {@code p == t}, reduced as {@link ElementwiseLoss} says (mean by default).
 *
 * <p>A NaN prediction gives a NaN value and, as PyTorch's, a gradient of 0 at that element: PyTorch's
 * {@code sign(NaN)} is 0 (pytorch/pytorch#41245). The NaN still shows in the loss itself, and NaN in the
 * predictions propagates as in PyTorch, as every loss here.
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
        // PyTorch's sign: 0 at 0 and at NaN. Written with copySign (bit arithmetic) and two comparisons that
        // are almost never true: JDK 17 compiles Math.signum, or a three-way comparison, into branches on the
        // error's sign, which mispredict on mixed errors (10x slower in LossBenchmark).
        double x = prediction - target;
        return x == 0 || x != x ? 0 : Math.copySign(1.0, x);
    }
}
