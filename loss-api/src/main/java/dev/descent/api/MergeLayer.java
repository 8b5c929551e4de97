package dev.descent.api;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A layer of several inputs, such as {@code add} or {@code concat}: a graph model feeds it the outputs of
 * the nodes it names, in order. The rules of {@link Layer} hold: the output and the input gradients are
 * tensors the layer owns, reused by its next call with the same batch size.
 *
 * <p>The single-input methods of {@link Layer} treat the input as a list of one.
 */
public interface MergeLayer extends Layer {

    /**
     * The per-example output shape for the per-example shapes of the inputs, in order.
     *
     * @throws IllegalArgumentException if the layer cannot take those inputs, saying which does not fit
     */
    int[] outputShape(List<int[]> inputShapes);

    /** Sizes the layer for its inputs and draws any weights from {@code random}. */
    default void initialize(List<int[]> inputShapes, RandomGenerator random) {}

    /** The output for a batch of each input (all with the same batch size). */
    Tensor forward(List<Tensor> inputs, Pass pass);

    /**
     * Back-propagates through the last training forward: d(loss)/d(input i) for each input, in a list the
     * layer owns (same order as the inputs).
     *
     * @throws IllegalStateException if there was no training forward
     */
    List<Tensor> backward(Tensor outputGradient);

    @Override
    default int[] outputShape(int[] inputShape) {
        return outputShape(List.of(inputShape));
    }

    @Override
    default void initialize(int[] inputShape, RandomGenerator random) {
        initialize(List.<int[]>of(inputShape), random);
    }

    @Override
    default Tensor forward(Tensor input, Pass pass) {
        return forward(List.of(input), pass);
    }

    @Override
    default Tensor backward(Tensor outputGradient, boolean inputGradient) {
        return backward(outputGradient).get(0);
    }
}
