package dev.descent.api;

/**
 * A loss: a scalar measure of how far predictions are from targets, with its gradient.
 *
 * <p>Built-ins follow PyTorch's definitions and defaults. A shape that does not fit is an
 * {@link IllegalArgumentException} naming both shapes and the loss ({@link Shapes#requireSameShape}).
 */
public interface Loss {

    /** The canonical name, e.g. {@code mse}; used in error messages. */
    String name();

    /**
     * The reduced loss. When {@code gradient} is not null it must have the shape of {@code predictions}
     * and receives d(loss)/d(predictions), overwriting what it held.
     */
    double compute(Tensor predictions, Tensor targets, Tensor gradient);

    /** The reduced loss, without the gradient. */
    default double compute(Tensor predictions, Tensor targets) {
        return compute(predictions, targets, null);
    }

    /** The values before reduction, what PyTorch returns for {@code reduction='none'}. */
    Tensor unreduced(Tensor predictions, Tensor targets);

    /** The configured reduction, {@link Reduction#MEAN} by default; {@link #compute} applies it. */
    default Reduction reduction() {
        return Reduction.MEAN;
    }
}
