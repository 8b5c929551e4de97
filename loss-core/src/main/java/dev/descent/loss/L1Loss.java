package dev.descent.loss;

import dev.descent.api.Reduction;
import dev.descent.loss.kernel.LossKernels;
import dev.descent.loss.kernel.ScalarLossKernels;

/**
 * Mean absolute error, PyTorch's {@code L1Loss}: {@code |p - t|} per element, gradient {@code sign(p - t)}
 * and 0 where {@code p == t}, reduced as {@link KernelLoss} says (mean by default).
 *
 * <p>A NaN prediction gives a NaN value and, as PyTorch's, a gradient of 0 at that element: PyTorch's
 * {@code sign(NaN)} is 0 (pytorch/pytorch#41245). The NaN still shows in the loss itself, and NaN in the
 * predictions propagates as in PyTorch, as every loss here.
 */
public final class L1Loss extends KernelLoss {
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
    double sum(LossKernels kernels, float[] p, float[] t, float[] g, double scale) {
        return kernels.l1(p, t, g, scale);
    }

    @Override
    double value(float[] p, float[] t, int i) {
        return ScalarLossKernels.l1(p, t, i, null, 1);
    }
}
