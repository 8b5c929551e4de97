package dev.descent.loss;

import static java.util.Objects.requireNonNull;

import dev.descent.api.ElementwiseLoss;
import dev.descent.api.Loss;
import dev.descent.api.Reduction;
import dev.descent.api.Shapes;
import dev.descent.api.Tensor;

/**
 * An element-wise loss whose targets must be -1 or 1: checks them (naming the index and value of the first
 * that is not) and hands the rest to an {@link ElementwiseLoss}, which holds the loop and the reduction.
 */
abstract sealed class SignedTargetsLoss implements Loss permits SoftMarginLoss, HingeEmbeddingLoss {
    private final ElementwiseLoss elements;

    SignedTargetsLoss(ElementwiseLoss elements) {
        this.elements = requireNonNull(elements, "elements is null");
    }

    @Override
    public final String name() {
        return elements.name();
    }

    @Override
    public final Reduction reduction() {
        return elements.reduction();
    }

    @Override
    public final double compute(Tensor predictions, Tensor targets, Tensor gradient) {
        check(predictions, targets);
        return elements.compute(predictions, targets, gradient);
    }

    @Override
    public final Tensor unreduced(Tensor predictions, Tensor targets) {
        check(predictions, targets);
        return elements.unreduced(predictions, targets);
    }

    private void check(Tensor predictions, Tensor targets) {
        requireNonNull(predictions, "predictions is null");
        requireNonNull(targets, "targets is null");
        // The shape first: a target error would otherwise hide a layout mistake.
        Shapes.requireSameShape(name(), predictions, targets);
        InputChecks.requireSigns(name(), targets);
    }
}
