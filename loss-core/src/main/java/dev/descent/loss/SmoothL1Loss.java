package dev.descent.loss;

import dev.descent.api.Reduction;
import dev.descent.loss.kernel.LossKernels;
import dev.descent.loss.kernel.ScalarLossKernels;

/**
 * The smooth L1 loss, PyTorch's {@code SmoothL1Loss}: per element, with {@code x = p - t},
 * <pre>
 *   loss = 0.5 x² / beta      if |x| &lt; beta
 *   loss = |x| - 0.5 beta     otherwise
 * </pre>
 * quadratic near zero and linear beyond {@code beta}, so that large errors (outliers) pull with a bounded
 * force while small ones still get a gradient that shrinks to zero. Parameter {@code beta} (default 1, at
 * least 0); {@code beta = 0} is the L1 loss. Use it for regression with outliers, e.g. bounding-box
 * regression; {@code huber} is the same curve scaled by {@code beta} ({@code huber(delta) = delta ·
 * smooth_l1(beta=delta)}). Predictions and targets have the same shape.
 *
 * <p>Gradient, as PyTorch 1.13's kernel: {@code -1} where {@code x <= -beta}, {@code 1} where
 * {@code x >= beta}, {@code x / beta} between. So at {@code beta = 0} and zero error the gradient is -1,
 * as PyTorch 1.13 gives; PyTorch 2 hands {@code beta = 0} to {@code l1_loss}, which gives 0 there (so does
 * our {@code l1}). A NaN prediction gives a NaN value and gradient, as PyTorch.
 */
public final class SmoothL1Loss extends KernelLoss {
    /** The canonical name, as written in specs. */
    public static final String NAME = "smooth_l1";

    private final double beta;

    /**
     * @param beta where the loss turns from quadratic to linear, at least 0
     * @throws IllegalArgumentException if {@code beta} is negative or NaN
     */
    public SmoothL1Loss(double beta, Reduction reduction) {
        super(NAME, reduction);
        if (!(beta >= 0)) {
            throw new IllegalArgumentException(NAME + ": beta is '" + beta + "'; it must be at least 0");
        }
        this.beta = beta;
    }

    /** PyTorch's defaults: beta 1, the mean. */
    public SmoothL1Loss() {
        this(1, Reduction.MEAN);
    }

    /** Where the loss turns from quadratic to linear. */
    public double beta() {
        return beta;
    }

    @Override
    double sum(LossKernels kernels, float[] p, float[] t, float[] g, double scale) {
        return kernels.smoothL1(p, t, g, scale, beta);
    }

    @Override
    double value(float[] p, float[] t, int i) {
        return ScalarLossKernels.smoothL1(p, t, i, null, 1, beta);
    }

    /** The spec that makes this loss: {@code smooth_l1(beta=1.0, reduction=mean)}. */
    @Override
    public String toString() {
        return NAME + "(beta=" + beta + ", reduction=" + reduction().specName() + ")";
    }
}
