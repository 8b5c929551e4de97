package dev.descent.loss;

import static java.util.Objects.requireNonNull;

import dev.descent.api.ElementwiseLoss;
import dev.descent.api.Loss;
import dev.descent.api.Reduction;
import dev.descent.api.Tensor;

/**
 * A built-in loss that hands its work to an {@link ElementwiseLoss} (often one made by
 * {@link ElementwiseLoss#of} from a {@link dev.descent.api.Dual} formula), so that the public class keeps its
 * own name, constructors and parameters; a subclass may check the inputs first.
 */
abstract sealed class WrappedElementwiseLoss implements Loss permits QuantileLoss, SignedTargetsLoss {
    private final ElementwiseLoss elements;

    WrappedElementwiseLoss(ElementwiseLoss elements) {
        this.elements = requireNonNull(elements, "elements is null");
    }

    /** Checks the inputs before the wrapped loss sees them; nothing unless overridden. */
    void check(Tensor predictions, Tensor targets) {}

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

    /** The spec that makes this loss, e.g. {@code log_cosh(reduction=mean)}. */
    @Override
    public String toString() {
        return elements.toString();
    }
}
