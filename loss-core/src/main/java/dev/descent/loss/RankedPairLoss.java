package dev.descent.loss;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Loss;
import dev.descent.api.Reduction;
import dev.descent.api.Shapes;
import dev.descent.api.Tensor;

/**
 * What {@link MarginRankingLoss} and {@link BprLoss} share: predictions {@code [N, 2]} holding two scores
 * per sample, {@code x1} and {@code x2}, stacked on axis 1; targets {@code [N]} of -1 or 1 saying which of
 * the two should rank higher (1: {@code x1}). The loss of a sample is a function of {@code y·(x1 - x2)},
 * which a subclass gives with its slope; the gradient is the slope times {@code y} for {@code x1} and its
 * negative for {@code x2}.
 */
abstract sealed class RankedPairLoss implements Loss permits MarginRankingLoss, BprLoss {
    private final String name;
    private final Reduction reduction;

    RankedPairLoss(String name, Reduction reduction) {
        this.name = requireNonNull(name, "name is null");
        this.reduction = requireNonNull(reduction, "reduction is null");
    }

    /** The loss of one sample as a function of its signed difference {@code s = y·(x1 - x2)}. */
    abstract double value(double signedDifference);

    /** {@code d value / d s}. */
    abstract double slope(double signedDifference);

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Reduction reduction() {
        return reduction;
    }

    @Override
    public final double compute(Tensor predictions, Tensor targets, Tensor gradient) {
        check(predictions, targets);
        Shapes.requireGradientShape(name, predictions, gradient);
        float[] x = predictions.data();
        float[] y = targets.data();
        int rows = y.length;
        double scale = Reductions.gradientScale(reduction, rows);
        float[] g = gradient == null ? null : gradient.data();
        double sum = 0;
        for (int row = 0; row < rows; row++) {
            double s = y[row] * ((double) x[2 * row] - x[2 * row + 1]);
            sum += value(s);
            if (g != null) {
                double d = y[row] * slope(s) * scale;
                g[2 * row] = (float) d;
                g[2 * row + 1] = (float) -d;
            }
        }
        return Reductions.reduce(reduction, sum, rows);
    }

    @Override
    public final Tensor unreduced(Tensor predictions, Tensor targets) {
        check(predictions, targets);
        float[] x = predictions.data();
        float[] y = targets.data();
        Tensor values = Tensor.zeros(y.length);
        float[] v = values.data();
        for (int row = 0; row < y.length; row++) {
            v[row] = (float) value(y[row] * ((double) x[2 * row] - x[2 * row + 1]));
        }
        return values;
    }

    private void check(Tensor predictions, Tensor targets) {
        requireNonNull(predictions, "predictions is null");
        requireNonNull(targets, "targets is null");
        if (predictions.rank() != 2 || predictions.dim(1) != 2 || targets.rank() != 1
                || targets.dim(0) != predictions.dim(0)) {
            throw new IllegalArgumentException(name + ": predictions of shape " + Shapes.toString(predictions.shape())
                    + " do not fit targets of shape " + Shapes.toString(targets.shape()) + "; expected predictions"
                    + " [N, 2] (x1, x2 stacked on axis 1) and targets [N] of -1 or 1");
        }
        InputChecks.requireSigns(name, targets);
    }

    /** The spec that makes this loss: {@code bpr(reduction=sum)}. */
    @Override
    public String toString() {
        return name + "(" + parameters() + "reduction=" + reduction.specName() + ")";
    }

    /** The parameters other than the reduction, each followed by {@code ", "}, for {@link #toString()}. */
    String parameters() {
        return "";
    }
}
