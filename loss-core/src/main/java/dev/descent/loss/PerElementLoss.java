package dev.descent.loss;

import dev.descent.api.Reduction;
import dev.descent.api.Tensor;

/**
 * A {@link PerSampleLoss} whose every element is a sample (bce, bce_with_logits, focal): the unreduced values
 * have the predictions' shape, and {@link #sample} is called with the element's index and width 1.
 */
abstract sealed class PerElementLoss extends PerSampleLoss permits BceLoss, BceWithLogitsLoss, FocalLoss {
    PerElementLoss(String name, Reduction reduction) {
        super(name, reduction);
    }

    @Override
    final int[] valueShape(Tensor predictions) {
        return predictions.shape();
    }

    /** Counted without the copy {@code shape()} makes, as this runs on every call. */
    @Override
    final int samples(Tensor predictions) {
        return predictions.size();
    }
}
