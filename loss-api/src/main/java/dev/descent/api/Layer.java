package dev.descent.api;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A differentiable layer. Shapes passed to {@link #outputShape} and {@link #initialize} are per example
 * (without the batch axis); tensors passed to {@link #forward} and {@link #backward} carry the batch as
 * their first axis and are whole ({@link Tensor#data()} works on them).
 *
 * <p><b>Buffers are the layer's own.</b> The tensor {@link #forward} returns, and the one
 * {@link #backward} returns, belong to the layer and are reused by its next call with the same batch
 * size, so a training step in steady state allocates nothing ({@link BatchBuffer} keeps them). A caller
 * that needs one past the next call copies it. The batch size may change between calls (the last batch
 * of an epoch is often smaller) and must still work.
 *
 * <p>{@link #backward} may use the input of the last training forward, kept by reference: the caller
 * must not change it in between. Each layer object is used at one place of one model.
 */
public interface Layer extends Trainable {

    /**
     * The per-example output shape for a per-example input shape.
     *
     * @throws IllegalArgumentException if the layer cannot take that input, saying what it expects
     */
    int[] outputShape(int[] inputShape);

    /**
     * Sizes the layer for its input (inferring what its spec left open, such as {@code in_features}) and
     * draws its initial weights from {@code random}, so a model's seed fixes every weight. Called once,
     * before the first {@link #forward}; a layer without weights need not override it.
     */
    default void initialize(int[] inputShape, RandomGenerator random) {}

    /**
     * Computes the output for a batch into a tensor the layer owns. In a {@linkplain Pass#training()
     * training} pass the layer keeps what {@link #backward} needs, and layers such as dropout draw from
     * {@link Pass#random()}.
     */
    Tensor forward(Tensor input, Pass pass);

    /**
     * Back-propagates through the last training {@link #forward}: adds d(loss)/d(parameter) into each
     * parameter's gradient and, when {@code inputGradient} is true, returns d(loss)/d(input) in a tensor
     * the layer owns. When it is false (the first layer of a model, whose input is data) the layer may skip
     * that product and return null.
     *
     * @throws IllegalStateException if there was no training forward
     * @throws IllegalArgumentException if {@code outputGradient} does not have the last output's shape
     */
    Tensor backward(Tensor outputGradient, boolean inputGradient);

    /**
     * Whether the output is differentiable with respect to the input; true for most layers. A layer whose
     * input holds indices ({@code embedding}) returns false: its {@link #backward} returns null whatever
     * {@code inputGradient} says, a model treats its input as data, and the testkit checks no input
     * gradient for it.
     */
    default boolean differentiableInput() {
        return true;
    }

    /** The trainable parameters, in a stable order, the same objects on every call; empty without weights. */
    @Override
    default List<Parameter> parameters() {
        return List.of();
    }

    /**
     * State that is saved with the model but not trained (batch norm's running statistics), in a stable
     * order, the same objects on every call; empty for most layers.
     */
    default List<Buffer> buffers() {
        return List.of();
    }
}
