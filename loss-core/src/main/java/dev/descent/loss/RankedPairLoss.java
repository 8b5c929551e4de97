package dev.descent.loss;

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
abstract sealed class RankedPairLoss extends PerSampleLoss permits MarginRankingLoss, BprLoss {
    RankedPairLoss(String name, Reduction reduction) {
        super(name, reduction);
    }

    /** The loss of one sample as a function of its signed difference {@code s = y·(x1 - x2)}. */
    abstract double value(double signedDifference);

    /** {@code d value / d s}. */
    abstract double slope(double signedDifference);

    @Override
    final double sample(float[] x, float[] y, int row, int width, float[] g, double scale) {
        double s = y[row] * ((double) x[2 * row] - x[2 * row + 1]);
        if (g != null) {
            double d = y[row] * slope(s) * scale;
            g[2 * row] = (float) d;
            g[2 * row + 1] = (float) -d;
        }
        return value(s);
    }

    @Override
    final void check(Tensor predictions, Tensor targets) {
        if (predictions.rank() != 2 || predictions.dim(1) != 2 || targets.rank() != 1
                || targets.dim(0) != predictions.dim(0)) {
            throw new IllegalArgumentException(name() + ": predictions of shape "
                    + Shapes.toString(predictions.shape()) + " do not fit targets of shape "
                    + Shapes.toString(targets.shape()) + "; expected predictions [N, 2] (x1, x2 stacked on axis 1)"
                    + " and targets [N] of -1 or 1");
        }
        InputChecks.requireSigns(name(), targets);
    }

    /** The spec that makes this loss: {@code bpr(reduction=sum)}. */
    @Override
    public String toString() {
        return name() + "(" + parameters() + "reduction=" + reduction().specName() + ")";
    }

    /** The parameters other than the reduction, each followed by {@code ", "}, for {@link #toString()}. */
    String parameters() {
        return "";
    }
}
