package dev.descent.api;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A differentiable layer. Shapes passed to {@link #outputShape} and {@link #initialize} are per example
 * (without the batch axis); tensors passed to {@link #forward} and {@link #backward} carry the batch as
 * their first axis.
 */
public interface Layer {

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
     * Computes the output for a batch. When {@code training} is true the layer keeps what
     * {@link #backward} needs; layers such as dropout also behave differently.
     */
    Tensor forward(Tensor input, boolean training);

    /**
     * Back-propagates through the last training {@link #forward}: adds d(loss)/d(parameter) into each
     * parameter's gradient and returns d(loss)/d(input).
     */
    Tensor backward(Tensor outputGradient);

    /** The trainable parameters, in a stable order; empty for a layer without weights. */
    default List<Parameter> parameters() {
        return List.of();
    }
}
