package dev.descent.loss;

import dev.descent.api.Reduction;

/**
 * The squared hinge loss as Keras defines it ({@code keras.losses.squared_hinge}): {@code max(1 - t·p, 0)^2}
 * per element, for targets {@code t} of -1 or 1 and real-valued scores {@code p}. Smooth where the hinge has
 * a kink, and it punishes large violations more; the loss of an L2-SVM. PyTorch has no such loss.
 *
 * <p>Targets must be -1 or 1, or all 0 or 1, which are read as -1 and 1 as Keras does; anything else is
 * refused naming the index and value. Predictions and targets have the same shape. The gradient is
 * {@code -2 t max(1 - t·p, 0)}.
 *
 * <p>Deviation from Keras: Keras averages over the last axis first and its per-sample values are those
 * means; here {@link #unreduced} gives one value per element. The mean over everything is the same number.
 */
public final class SquaredHingeLoss extends KerasHingeLoss {
    /** The canonical name, as written in specs. */
    public static final String NAME = "squared_hinge";

    /** The squared hinge loss reduced by {@code reduction}. */
    public SquaredHingeLoss(Reduction reduction) {
        super(NAME, reduction);
    }

    /** The mean squared hinge loss. */
    public SquaredHingeLoss() {
        this(Reduction.MEAN);
    }

    @Override
    double value(double margin) {
        double hinge = Math.max(margin, 0);
        return hinge * hinge;
    }

    @Override
    double slope(double margin) {
        return 2 * Math.max(margin, 0);
    }
}
