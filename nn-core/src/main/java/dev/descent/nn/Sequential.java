package dev.descent.nn;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Layer;
import dev.descent.api.Parameter;
import dev.descent.api.Shapes;
import dev.descent.api.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Layers applied one after another, as PyTorch's {@code nn.Sequential}: each layer's output is the next
 * one's input. An empty sequence passes its input through.
 *
 * <p>{@link #initialize} sizes and initialises the layers in order from one generator, so the model's
 * seed fixes every weight. Without it, each layer starts as it would alone (see {@link Linear}).
 * {@link #parameters()} names each layer's parameters by the layer's index, as PyTorch's
 * {@code state_dict} does: {@code 0.weight}, {@code 0.bias}, {@code 2.weight}.
 */
public final class Sequential implements Layer {
    private final List<Layer> layers;
    private boolean trainingForwardDone;

    /** The given layers, in order. */
    public Sequential(List<? extends Layer> layers) {
        requireNonNull(layers, "layers is null");
        List<Layer> copy = new ArrayList<>(layers.size());
        for (int i = 0; i < layers.size(); i++) {
            copy.add(requireNonNull(layers.get(i), "layer " + i + " is null"));
        }
        this.layers = List.copyOf(copy);
    }

    /** The given layers, in order. */
    public static Sequential of(Layer... layers) {
        requireNonNull(layers, "layers is null");
        return new Sequential(Arrays.asList(layers));
    }

    /** The layers, in order; unmodifiable. */
    public List<Layer> layers() {
        return layers;
    }

    /**
     * Threads the shape through every layer.
     *
     * @throws IllegalArgumentException naming the first layer that does not take the shape it gets
     */
    @Override
    public int[] outputShape(int[] inputShape) {
        requireNonNull(inputShape, "inputShape is null");
        int[] shape = inputShape.clone();
        for (int i = 0; i < layers.size(); i++) {
            try {
                shape = layers.get(i).outputShape(shape);
            } catch (IllegalArgumentException e) {
                throw doesNotFit(i, shape, e);
            }
        }
        return shape;
    }

    /**
     * Initialises each layer in order, on the shape the layers before it produce, all from
     * {@code random}.
     *
     * @throws IllegalArgumentException naming the first layer that does not take the shape it gets
     */
    @Override
    public void initialize(int[] inputShape, RandomGenerator random) {
        requireNonNull(inputShape, "inputShape is null");
        requireNonNull(random, "random is null");
        int[] shape = inputShape.clone();
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            try {
                layer.initialize(shape, random);
                shape = layer.outputShape(shape);
            } catch (IllegalArgumentException e) {
                throw doesNotFit(i, shape, e);
            }
        }
        trainingForwardDone = false;
    }

    private IllegalArgumentException doesNotFit(int index, int[] shape, IllegalArgumentException cause) {
        String source = index == 0 ? "the model input"
                : "the output of layer " + (index - 1) + " (" + layers.get(index - 1) + ")";
        return new IllegalArgumentException("Sequential: layer " + index + " (" + layers.get(index)
                + ") does not fit per-example shape " + Shapes.toString(shape) + ", " + source + ": "
                + cause.getMessage(), cause);
    }

    @Override
    public Tensor forward(Tensor input, boolean training) {
        requireNonNull(input, "input is null");
        Tensor activation = input;
        for (int i = 0; i < layers.size(); i++) {
            try {
                activation = layers.get(i).forward(activation, training);
            } catch (IllegalArgumentException e) {
                throw atLayer(i, e);
            }
        }
        if (training) {
            trainingForwardDone = true;
        }
        return activation;
    }

    /**
     * Back-propagates through the layers in reverse order.
     *
     * @throws IllegalStateException if there was no training forward
     */
    @Override
    public Tensor backward(Tensor outputGradient) {
        requireNonNull(outputGradient, "outputGradient is null");
        if (!trainingForwardDone) {
            throw new IllegalStateException("Sequential: backward called without a training forward; call"
                    + " forward(input, true) first");
        }
        Tensor gradient = outputGradient;
        for (int i = layers.size() - 1; i >= 0; i--) {
            try {
                gradient = layers.get(i).backward(gradient);
            } catch (IllegalArgumentException e) {
                throw atLayer(i, e);
            }
        }
        return gradient;
    }

    private IllegalArgumentException atLayer(int index, IllegalArgumentException cause) {
        return new IllegalArgumentException("Sequential: layer " + index + " (" + layers.get(index) + "): "
                + cause.getMessage(), cause);
    }

    /**
     * Every layer's parameters in layer order, each renamed {@code <index>.<name>}; they share value and
     * gradient with the layer's own.
     */
    @Override
    public List<Parameter> parameters() {
        List<Parameter> parameters = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            for (Parameter parameter : layers.get(i).parameters()) {
                parameters.add(parameter.withName(i + "." + parameter.name()));
            }
        }
        return List.copyOf(parameters);
    }

    /** Sets every parameter's gradient to zero, as before the next batch. */
    public void zeroGradients() {
        for (Layer layer : layers) {
            for (Parameter parameter : layer.parameters()) {
                parameter.zeroGradient();
            }
        }
    }

    @Override
    public String toString() {
        return "Sequential" + layers;
    }
}
