package dev.descent.nn;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Buffer;
import dev.descent.api.Layer;
import dev.descent.api.Parameter;
import dev.descent.api.Pass;
import dev.descent.api.Shapes;
import dev.descent.api.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Layers applied one after another, as PyTorch's {@code nn.Sequential}: each layer's output is the next
 * one's input. An empty sequence passes its input through.
 *
 * <p>{@link #initialize} sizes and initialises the layers in order from one generator, so the model's
 * seed fixes every weight. Without it, each layer starts as it would alone (see {@link Linear}).
 * {@link #parameters()} names each layer's parameters by the layer's index, as PyTorch's
 * {@code state_dict} does: {@code 0.weight}, {@code 0.bias}, {@code 2.weight}; the names are given once,
 * when the layers are initialised, and the same objects are returned after.
 *
 * <p>As a {@link Model} it has one input, {@code input}, and one output, {@code output}.
 */
public final class Sequential implements Layer, Model {
    private static final List<String> INPUT_NAMES = List.of("input");
    private static final List<String> OUTPUT_NAMES = List.of("output");

    private final List<Layer> layers;
    /** The output of each layer in the last forward, for {@link #firstNonFiniteOutput}. */
    private final Tensor[] outputs;
    /** The one-element list {@link #forward(List, Pass)} returns, reused. */
    private final List<Tensor> outputList = Arrays.asList(new Tensor[1]);
    private boolean trainingForwardDone;
    /** Set by {@link #initialize}; null until then. */
    private int[] inputShape;
    private List<Parameter> parameters;
    private List<Buffer> buffers;

    /** The given layers, in order. */
    public Sequential(List<? extends Layer> layers) {
        requireNonNull(layers, "layers is null");
        List<Layer> copy = new ArrayList<>(layers.size());
        for (int i = 0; i < layers.size(); i++) {
            copy.add(requireNonNull(layers.get(i), "layer " + i + " is null"));
        }
        this.layers = List.copyOf(copy);
        this.outputs = new Tensor[copy.size()];
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
     * {@code random}, and names the parameters and buffers.
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
            if (i > 0 && !layer.differentiableInput()) {
                // Its input would need a gradient for the layers before it, which it cannot give.
                throw new IllegalArgumentException("Sequential: layer " + i + " (" + layer + ") takes indices, not a"
                        + " differentiable input, so it must come first; put it at position 0 or feed it a model"
                        + " input in a graph model");
            }
            try {
                layer.initialize(shape, random);
                shape = layer.outputShape(shape);
            } catch (IllegalArgumentException e) {
                throw doesNotFit(i, shape, e);
            }
        }
        this.inputShape = inputShape.clone();
        trainingForwardDone = false;
        parameters = null;
        buffers = null;
        Arrays.fill(outputs, null);
    }

    private IllegalArgumentException doesNotFit(int index, int[] shape, IllegalArgumentException cause) {
        String source = index == 0 ? "the model input"
                : "the output of layer " + (index - 1) + " (" + layers.get(index - 1) + ")";
        return new IllegalArgumentException("Sequential: layer " + index + " (" + layers.get(index)
                + ") does not fit per-example shape " + Shapes.toString(shape) + ", " + source + ": "
                + cause.getMessage(), cause);
    }

    /** Whether the first layer takes a differentiable input (an empty sequence passes its input through). */
    @Override
    public boolean differentiableInput() {
        return layers.isEmpty() || layers.get(0).differentiableInput();
    }

    @Override
    public Tensor forward(Tensor input, Pass pass) {
        requireNonNull(input, "input is null");
        requireNonNull(pass, "pass is null");
        Tensor activation = input;
        for (int i = 0; i < layers.size(); i++) {
            try {
                activation = layers.get(i).forward(activation, pass);
            } catch (IllegalArgumentException e) {
                throw atLayer(i, e);
            }
            outputs[i] = activation;
        }
        trainingForwardDone = pass.training();
        return activation;
    }

    /**
     * Back-propagates through the layers in reverse order; the first layer computes its input gradient
     * only when {@code inputGradient} is true.
     *
     * @throws IllegalStateException if the last forward was not a training one
     */
    @Override
    public Tensor backward(Tensor outputGradient, boolean inputGradient) {
        requireNonNull(outputGradient, "outputGradient is null");
        if (!trainingForwardDone) {
            throw new IllegalStateException("Sequential: backward called without a training forward; call"
                    + " forward(input, Pass.training(random)) first");
        }
        Tensor gradient = outputGradient;
        for (int i = layers.size() - 1; i >= 0; i--) {
            try {
                gradient = layers.get(i).backward(gradient, i > 0 || inputGradient);
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
     * Every layer's parameters in layer order, each renamed {@code <index>.<name>}; they share value,
     * gradient and frozen flag with the layer's own. Named once, on the first call after
     * {@link #initialize}.
     */
    @Override
    public List<Parameter> parameters() {
        if (parameters == null) {
            List<Parameter> named = new ArrayList<>();
            for (int i = 0; i < layers.size(); i++) {
                for (Parameter parameter : layers.get(i).parameters()) {
                    named.add(parameter.withName(i + "." + parameter.name()));
                }
            }
            parameters = List.copyOf(named);
        }
        return parameters;
    }

    /** Every layer's buffers in layer order, each renamed {@code <index>.<name>}. */
    @Override
    public List<Buffer> buffers() {
        if (buffers == null) {
            List<Buffer> named = new ArrayList<>();
            for (int i = 0; i < layers.size(); i++) {
                for (Buffer buffer : layers.get(i).buffers()) {
                    named.add(buffer.withName(i + "." + buffer.name()));
                }
            }
            buffers = List.copyOf(named);
        }
        return buffers;
    }

    // --- Model ---

    @Override
    public List<String> inputNames() {
        return INPUT_NAMES;
    }

    @Override
    public List<String> outputNames() {
        return OUTPUT_NAMES;
    }

    /**
     * {@link #initialize} on the one input shape.
     *
     * @throws IllegalArgumentException if not exactly one shape is given
     */
    @Override
    public void build(List<int[]> inputShapes, RandomGenerator random) {
        requireNonNull(inputShapes, "inputShapes is null");
        if (inputShapes.size() != 1) {
            throw new IllegalArgumentException("Sequential: a sequential model has one input, got "
                    + inputShapes.size() + " input shapes");
        }
        initialize(inputShapes.get(0), random);
    }

    @Override
    public boolean isBuilt() {
        return inputShape != null;
    }

    @Override
    public List<int[]> outputShapes() {
        return List.of(outputShape(requireBuilt()));
    }

    private int[] requireBuilt() {
        if (inputShape == null) {
            throw new IllegalStateException("Sequential: the model is not built; call build(inputShapes, random)"
                    + " or initialize(inputShape, random) first");
        }
        return inputShape;
    }

    @Override
    public List<Tensor> forward(List<Tensor> inputs, Pass pass) {
        requireNonNull(inputs, "inputs is null");
        if (inputs.size() != 1) {
            throw new IllegalArgumentException("Sequential: a sequential model has one input, got "
                    + inputs.size());
        }
        outputList.set(0, forward(inputs.get(0), pass));
        return outputList;
    }

    @Override
    public void backward(List<Tensor> outputGradients) {
        requireNonNull(outputGradients, "outputGradients is null");
        if (outputGradients.size() != 1) {
            throw new IllegalArgumentException("Sequential: a sequential model has one output, got "
                    + outputGradients.size() + " output gradients");
        }
        backward(outputGradients.get(0), false);
    }

    @Override
    public List<LayerSummary> summary() {
        int[] shape = requireBuilt();
        List<LayerSummary> rows = new ArrayList<>(layers.size());
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            shape = layer.outputShape(shape);
            long count = 0;
            for (Parameter parameter : layer.parameters()) {
                count += parameter.value().size();
            }
            rows.add(new LayerSummary(Integer.toString(i), layer.toString(), shape.clone(), count));
        }
        return List.copyOf(rows);
    }

    @Override
    public Optional<String> firstNonFiniteOutput() {
        for (int i = 0; i < outputs.length; i++) {
            if (outputs[i] != null && NonFinite.any(outputs[i])) {
                return Optional.of("layer " + i + " (" + layers.get(i) + ")");
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "Sequential" + layers;
    }
}
