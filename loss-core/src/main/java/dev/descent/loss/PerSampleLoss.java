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
        permits BceLoss, BceWithLogitsLoss, CategoricalHingeLoss, CosineEmbeddingLoss, FocalLoss, MultiMarginLoss,
        MultilabelSoftMarginLoss, RankedPairLoss, TripletMarginLoss {
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

    /**
     * The loss of sample {@code row}, which owns {@code p[row · width, (row + 1) · width)}; when {@code g} is
     * not null, also writes the gradient of those elements there, multiplied by {@code scale}.
     */
    abstract double sample(float[] p, float[] t, int row, int width, float[] g, double scale);

    @Override
    public final double compute(Tensor predictions, Tensor targets, Tensor gradient) {
        checkInputs(predictions, targets);
        Shapes.requireGradientShape(name(), predictions, gradient);
        checkValues(predictions, targets);
        int samples = Math.toIntExact(Shapes.size(valueShape(predictions)));
        return run(predictions, targets, samples, null, gradient == null ? null : gradient.data());
    }

    @Override
    public final Tensor unreduced(Tensor predictions, Tensor targets) {
        checkInputs(predictions, targets);
        checkValues(predictions, targets);
        Tensor values = Tensor.zeros(valueShape(predictions));
        run(predictions, targets, values.size(), values.data(), null);
        return values;
    }

    private void checkInputs(Tensor predictions, Tensor targets) {
        requireNonNull(predictions, "predictions is null");
        requireNonNull(targets, "targets is null");
        check(predictions, targets);
    }

    /** One pass over the samples: the reduced loss; each sample's value into {@code values}, if given. */
    private double run(Tensor predictions, Tensor targets, int samples, float[] values, float[] g) {
        float[] p = predictions.data();
        float[] t = targets.data();
        int width = samples == 0 ? 0 : p.length / samples;
        double scale = Reductions.gradientScale(reduction(), samples);
        double sum = 0;
        for (int row = 0; row < samples; row++) {
            double loss = sample(p, t, row, width, g, scale);
            sum += loss;
            if (values != null) {
                values[row] = (float) loss;
            }
        }
        return Reductions.reduce(reduction(), sum, samples);
    }
}
