package dev.descent.loss;

import static java.util.Objects.requireNonNull;

import dev.descent.api.ElementwiseLoss;
import dev.descent.api.Shapes;
import dev.descent.api.Tensor;

/**
 * An element-wise loss whose targets must be -1 or 1: checks them (naming the index and value of the first
 * that is not) and hands the rest to an {@link ElementwiseLoss}, which holds the loop and the reduction.
 */
abstract sealed class SignedTargetsLoss extends WrappedElementwiseLoss permits SoftMarginLoss, HingeEmbeddingLoss {
    SignedTargetsLoss(ElementwiseLoss elements) {
        super(elements);
    }

    @Override
    final void check(Tensor predictions, Tensor targets) {
        requireNonNull(predictions, "predictions is null");
        requireNonNull(targets, "targets is null");
        // The shape first: a target error would otherwise hide a layout mistake.
        Shapes.requireSameShape(name(), predictions, targets);
        InputChecks.requireSigns(name(), targets);
    }
}
