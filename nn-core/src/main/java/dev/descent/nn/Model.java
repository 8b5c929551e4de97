package dev.descent.nn;

import dev.descent.api.Buffer;
import dev.descent.api.Parameter;
import dev.descent.api.Pass;
import dev.descent.api.Tensor;
import dev.descent.api.Trainable;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * What the {@code Trainer}, model files and the pipeline train and save: named inputs, named outputs, and
 * parameters and buffers with names fixed when the model is built. {@link Sequential} is a model of one
 * input and one output; {@code GraphModel} has several of each.
 *
 * <p>As for layers, the tensors {@link #forward} returns (and the list holding them) are the model's own,
 * reused by its next forward with the same batch size.
 */
public interface Model extends Trainable {

    /** The names of the inputs, in the order {@link #forward} takes them. */
    List<String> inputNames();

    /** The names of the outputs, in the order {@link #forward} returns them. */
    List<String> outputNames();

    /**
     * Sizes every layer for the per-example shapes of the inputs (in {@link #inputNames} order), draws every
     * weight from {@code random} in a fixed order, and names the parameters and buffers.
     *
     * @throws IllegalArgumentException naming the first layer that does not fit the shape it is given
     */
    void build(List<int[]> inputShapes, RandomGenerator random);

    /** Whether {@link #build} has been called. */
    boolean isBuilt();

    /** The per-example shape of each output; after {@link #build}. */
    List<int[]> outputShapes();

    /** The outputs for a batch of each input (all of one batch size). */
    List<Tensor> forward(List<Tensor> inputs, Pass pass);

    /**
     * Back-propagates d(loss)/d(output) for each output through the last training forward, adding into
     * every parameter's gradient. The inputs are data: no gradient is computed for them.
     */
    void backward(List<Tensor> outputGradients);

    /** Every trainable parameter under its qualified name ({@code 0.weight}), the same objects on every call. */
    @Override
    List<Parameter> parameters();

    /** Every buffer under its qualified name ({@code 1.running_mean}). */
    List<Buffer> buffers();

    /** One row per layer for a summary (as Keras's {@code summary()}); after {@link #build}. */
    List<LayerSummary> summary();

    /**
     * The first layer (in forward order) whose output in the last forward held NaN or an infinity, as
     * {@code "layer 2 (linear(...))"}; empty when every output was finite.
     */
    Optional<String> firstNonFiniteOutput();

    /** Sets every parameter's gradient to zero, as before the next batch. */
    default void zeroGradients() {
        for (Parameter parameter : parameters()) {
            parameter.zeroGradient();
        }
    }

    /**
     * A row of {@link #summary()}.
     *
     * @param name the layer's name in the model ({@code 0}, {@code user_embedding})
     * @param layer the layer as a spec
     * @param outputShape per example
     * @param parameters the number of trainable values it holds
     */
    record LayerSummary(String name, String layer, int[] outputShape, long parameters) {}
}
