package dev.descent.loss;

import dev.descent.api.Reduction;

/**
 * The hinge loss as Keras defines it ({@code keras.losses.hinge}): {@code max(1 - t·p, 0)} per element, for
 * targets {@code t} of -1 or 1 and real-valued scores {@code p}; the loss of a linear SVM. PyTorch has no
 * such loss.
 *
 * <p>Targets must be -1 or 1, or all 0 or 1, which are read as -1 and 1 as Keras does; anything else is
 * refused naming the index and value. Predictions and targets have the same shape.
 *
 * <p>The gradient is {@code -t} where {@code 1 - t·p >= 0} and 0 elsewhere: at exactly the margin it is
 * {@code -t}, TensorFlow's choice for {@code maximum} at a tie (and PyTorch's for {@code clamp_min}).
 *
 * <p>Deviation from Keras: Keras averages over the last axis first and its per-sample values are those
 * means; here {@link #unreduced} gives one value per element, as PyTorch's element-wise losses do. The mean
 * over everything is the same number.
 */
public final class HingeLoss extends KerasHingeLoss {
    /** The canonical name, as written in specs. */
    public static final String NAME = "hinge";

    /** The hinge loss reduced by {@code reduction}. */
    public HingeLoss(Reduction reduction) {
        super(NAME, reduction);
    }

    /** The mean hinge loss. */
    public HingeLoss() {
        this(Reduction.MEAN);
    }

    @Override
    double value(double margin) {
        return Math.max(margin, 0);
    }

    @Override
    double slope(double margin) {
        // 1 at the tie m = 0, as TensorFlow's maximum; NaN fails the test and gives 0, as there.
        return margin >= 0 ? 1 : 0;
    }
}
