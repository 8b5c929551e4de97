package dev.descent.loss;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Reduction;
import dev.descent.api.Shapes;
import dev.descent.api.Tensor;
import dev.descent.loss.kernel.LossKernels;

/**
 * The base of the element-wise built-in losses whose loop is one of {@link LossKernels}, vectorised when the
 * JVM allows: a subclass names its kernel and its scalar value per element; this class checks the shapes,
 * reduces and scales the gradient, with the contract of {@link dev.descent.api.ElementwiseLoss} (mean by
 * default; none is the sum, as PyTorch's backward with a gradient of ones; an empty tensor's mean is NaN).
 * Plugins keep writing {@code ElementwiseLoss}; this base is for the few losses worth a kernel.
 */
abstract sealed class KernelLoss extends AbstractLoss permits HuberLoss, L1Loss, LogCoshLoss, MseLoss, SmoothL1Loss {
    KernelLoss(String name, Reduction reduction) {
        super(name, reduction);
    }

    /** The sum of the values by {@code kernels}; {@code scale} times the gradient into {@code g} unless null. */
    abstract double sum(LossKernels kernels, float[] p, float[] t, float[] g, double scale);

    /** The value of element {@code i}. */
    abstract double value(float[] p, float[] t, int i);

    @Override
    public final double compute(Tensor predictions, Tensor targets, Tensor gradient) {
        check(predictions, targets);
        Shapes.requireGradientShape(name(), predictions, gradient);
        float[] p = predictions.data();
        int n = p.length;
        double scale = Reductions.gradientScale(reduction(), n);
        double sum = sum(LossKernels.get(), p, targets.data(), gradient == null ? null : gradient.data(), scale);
        return Reductions.reduce(reduction(), sum, n);
    }

    @Override
    public final Tensor unreduced(Tensor predictions, Tensor targets) {
        check(predictions, targets);
        Tensor values = Tensor.zerosLike(predictions);
        float[] p = predictions.data();
        float[] t = targets.data();
        float[] v = values.data();
        for (int i = 0; i < p.length; i++) {
            v[i] = (float) value(p, t, i);
        }
        return values;
    }

    private void check(Tensor predictions, Tensor targets) {
        requireNonNull(predictions, "predictions is null");
        requireNonNull(targets, "targets is null");
        Shapes.requireSameShape(name(), predictions, targets);
    }

    /** The spec that makes this loss: {@code mse(reduction=sum)}. */
    @Override
    public String toString() {
        return name() + "(reduction=" + reduction().specName() + ")";
    }
}
