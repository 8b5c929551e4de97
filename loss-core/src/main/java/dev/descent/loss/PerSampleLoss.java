package dev.descent.loss;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Reduction;
import dev.descent.api.Shapes;
import dev.descent.api.Tensor;

/**
 * The base of losses with one value per sample, where sample {@code row} owns the {@code width} prediction
 * elements from {@code row · width} on (a row of {@code [N, C]}, a pair or triplet of {@code [N, k, D]}, or
 * a single element). A subclass checks its inputs and gives the loss of one sample and its gradient; this
 * class holds the loop, the unreduced values, and the reduction over samples.
 *
 * <p>The mean divides by the number of samples; none is the sum, as PyTorch's backward with a gradient of
 * ones. The gradient buffer is overwritten, never accumulated into.
 */
abstract sealed class PerSampleLoss extends AbstractLoss
        permits PerElementLoss, CategoricalHingeLoss, CosineEmbeddingLoss, MultiMarginLoss, MultilabelSoftMarginLoss,
        RankedPairLoss, TripletMarginLoss {
    PerSampleLoss(String name, Reduction reduction) {
        super(name, reduction);
    }

    /**
     * Checks shapes and targets, naming this loss; both tensors are not null. It runs before the gradient
     * buffer's shape is checked, so a layout mistake is reported first.
     */
    abstract void check(Tensor predictions, Tensor targets);

    /** Checks the inputs' values after the gradient buffer's shape; nothing unless overridden. */
    void checkValues(Tensor predictions, Tensor targets) {}

    /** The shape of the unreduced values, one per sample; {@code [N]} unless overridden. */
    int[] valueShape(Tensor predictions) {
        return new int[] {predictions.dim(0)};
    }

    /** The number of samples, the size of {@link #valueShape}; a subclass may count them without a new array. */
    int samples(Tensor predictions) {
        return Math.toIntExact(Shapes.size(valueShape(predictions)));
    }

    /**
     * The loss of sample {@code row}, which owns {@code p[row · width, (row + 1) · width)}; when {@code g} is
     * not null, also writes the gradient of those elements there, multiplied by {@code scale}.
     */
    abstract double sample(float[] p, float[] t, int row, int width, float[] g, double scale);

    /**
     * The sum of every sample's loss, each writing its gradient into {@code g} as {@link #sample} does; a
     * subclass may replace this loop with a {@link dev.descent.loss.kernel.LossKernels kernel}.
     */
    double sum(float[] p, float[] t, int samples, int width, float[] g, double scale) {
        double sum = 0;
        for (int row = 0; row < samples; row++) {
            sum += sample(p, t, row, width, g, scale);
        }
        return sum;
    }

    @Override
    public final double compute(Tensor predictions, Tensor targets, Tensor gradient) {
        checkInputs(predictions, targets);
        Shapes.requireGradientShape(name(), predictions, gradient);
        checkValues(predictions, targets);
        int samples = samples(predictions);
        float[] p = predictions.data();
        double scale = Reductions.gradientScale(reduction(), samples);
        double sum = sum(p, targets.data(), samples, width(p, samples), gradient == null ? null : gradient.data(),
                scale);
        return Reductions.reduce(reduction(), sum, samples);
    }

    @Override
    public final Tensor unreduced(Tensor predictions, Tensor targets) {
        checkInputs(predictions, targets);
        checkValues(predictions, targets);
        Tensor values = Tensor.zeros(valueShape(predictions));
        float[] p = predictions.data();
        float[] t = targets.data();
        float[] v = values.data();
        int width = width(p, v.length);
        double scale = Reductions.gradientScale(reduction(), v.length);
        for (int row = 0; row < v.length; row++) {
            v[row] = (float) sample(p, t, row, width, null, scale);
        }
        return values;
    }

    private void checkInputs(Tensor predictions, Tensor targets) {
        requireNonNull(predictions, "predictions is null");
        requireNonNull(targets, "targets is null");
        check(predictions, targets);
    }

    /** The prediction elements each sample owns. */
    private static int width(float[] p, int samples) {
        return samples == 0 ? 0 : p.length / samples;
    }
}
