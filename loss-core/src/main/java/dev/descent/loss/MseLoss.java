package dev.descent.loss;

import dev.descent.api.Reduction;
import dev.descent.loss.kernel.LossKernels;
import dev.descent.loss.kernel.ScalarLossKernels;

/**
 * Mean squared error, PyTorch's {@code MSELoss}: {@code (p - t)^2} per element, gradient {@code 2 (p - t)},
 * reduced as {@link KernelLoss} says (mean by default).
 */
public final class MseLoss extends KernelLoss {
    /** The canonical name, as written in specs. */
    public static final String NAME = "mse";

    /** The squared error reduced by {@code reduction}. */
    public MseLoss(Reduction reduction) {
        super(NAME, reduction);
    }

    /** The mean squared error, PyTorch's default reduction. */
    public MseLoss() {
        this(Reduction.MEAN);
    }

    /** For {@link RmseLoss}, whose errors must name it rather than mse. */
    MseLoss(String name, Reduction reduction) {
        super(name, reduction);
    }

    @Override
    double sum(LossKernels kernels, float[] p, float[] t, float[] g, double scale) {
        return kernels.mse(p, t, g, scale);
    }

    @Override
    double value(float[] p, float[] t, int i) {
        return ScalarLossKernels.mse(p, t, i, null, 1);
    }
}
