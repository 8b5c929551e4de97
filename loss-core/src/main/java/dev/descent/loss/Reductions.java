package dev.descent.loss;

import dev.descent.api.Reduction;

/**
 * The reduction of a loss's values and the matching scale of its gradient. Only the mean divides; none is
 * the sum, as PyTorch's backward with a gradient of ones.
 */
final class Reductions {
    private Reductions() {}

    /** The reduced loss from the sum of values and the mean's denominator (a count, or a sum of weights). */
    static double reduce(Reduction reduction, double sum, double denominator) {
        return reduction == Reduction.MEAN ? sum / denominator : sum;
    }

    /** The factor of each gradient: 1 / denominator for the mean, 1 for sum and none. */
    static double gradientScale(Reduction reduction, double denominator) {
        return reduction == Reduction.MEAN ? 1.0 / denominator : 1.0;
    }
}
