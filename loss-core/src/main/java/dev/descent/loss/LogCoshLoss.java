package dev.descent.loss;

import dev.descent.api.Reduction;
import dev.descent.loss.kernel.LossKernels;
import dev.descent.loss.kernel.ScalarLossKernels;

/**
 * The log-cosh loss {@code log(cosh(p - t))} per element: about {@code x² / 2} for small errors
 * {@code x = p - t} and {@code |x| - log 2} for large ones, like the Huber loss but smooth everywhere (its
 * gradient is {@code tanh(x)}). PyTorch has no such loss; this is Keras' {@code log_cosh}, reduced by
 * {@code reduction}. No parameter besides the reduction. Predictions and targets have the same shape. Use
 * it for regression that should be robust to outliers without a threshold to tune.
 *
 * <p>{@code cosh} overflows for {@code |x| > 710}, so the value is the stable
 * <pre>
 *   log cosh x = |x| + log((1 + exp(-2|x|)) / 2) = |x| + log1p(expm1(-2|x|) / 2)
 * </pre>
 * finite for any finite {@code x}; {@code expm1} keeps the small-error value {@code x²/2} accurate where
 * {@code |x| + log1p(exp(-2|x|)) - log 2} would lose it to cancellation. The derivative {@code tanh(x)}
 * comes from the same {@code expm1} ({@link ScalarLossKernels#logCosh}), 0 at zero error. A NaN prediction
 * gives a NaN value and gradient.
 */
public final class LogCoshLoss extends KernelLoss {
    /** The canonical name, as written in specs. */
    public static final String NAME = "log_cosh";

    /** The log-cosh loss reduced by {@code reduction}. */
    public LogCoshLoss(Reduction reduction) {
        super(NAME, reduction);
    }

    /** The mean log-cosh loss. */
    public LogCoshLoss() {
        this(Reduction.MEAN);
    }

    @Override
    double sum(LossKernels kernels, float[] p, float[] t, float[] g, double scale) {
        return kernels.logCosh(p, t, g, scale);
    }

    @Override
    double value(float[] p, float[] t, int i) {
        return ScalarLossKernels.logCosh(p, t, i, null, 1);
    }
}
