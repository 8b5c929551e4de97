package dev.descent.nn.graph;

import static java.util.Objects.requireNonNull;

import dev.descent.api.BatchBuffer;
import dev.descent.api.Buffer;
import dev.descent.api.Layer;
import dev.descent.api.MergeLayer;
import dev.descent.api.Parameter;
import dev.descent.api.Pass;
import dev.descent.api.Shapes;
import dev.descent.api.Tensor;
import dev.descent.nn.Model;
import dev.descent.nn.NonFinite;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * A model that is a graph of layers, after the Keras functional API: named inputs with per-example
 * shapes, nodes that each hold a layer and name their inputs (model inputs or other nodes; a
 * {@link MergeLayer} takes several, any other layer one), and named outputs, any of the nodes. It reads
 * like its diagram:
 *
 * <pre>{@code
 * GraphModel model = GraphModel.builder()
 *         .input("x", 8)
 *         .node("trunk", Sequential.of(new Linear(8, 16), new Relu()), "x")
 *         .node("class_logits", new Linear(16, 3), "trunk")
 *         .node("value", new Linear(16, 1), "trunk")
 *         .output("class_logits", "value")
 *         .build();
 * model.build(new SplittableRandom(seed));
 * }</pre>
 *
 * {@link Builder#build()} checks the structure (unique names, known inputs, arity, no cycle, every node
 * and input on the way to an output) and threads the shapes through every layer, so a mistake is reported
 * before any weight exists. {@link #build(List, RandomGenerator)} then initialises the layers in
 * topological order (ties in declaration order) from one generator and names every parameter and buffer
 * {@code <node>.<name>} ({@code user_embedding.weight}, {@code trunk.0.bias}), once.
 *
 * <p>Forward runs the nodes in topological order; backward runs them in reverse, summing the gradients
 * where a node's output feeds several nodes (or a node and an output) into a buffer of the model's own,
 * reused from batch to batch. Model inputs are data: no layer is asked for their gradient (a single-input
 * layer reading a model input is called with {@code inputGradient = false}, as is a layer whose
 * {@link Layer#differentiableInput()} is false, such as {@code embedding}). An output whose gradient is
 * null gets none: a head without a loss in this step.
 */
public final class GraphModel implements Model {
    private final List<String> inputNames;
    private final int[][] inputShapes;
    /** Node names and layers, in topological order. */
    private final String[] names;
    private final Layer[] layers;
    /** The merge layers among them, null at single-input nodes. */
    private final MergeLayer[] merges;
    /** Per node, its input slots: 0 to inputs - 1 the model's inputs, inputs + k the k-th node. */
    private final int[][] sources;
    private final int[] outputSlots;
    private final List<String> outputNames;
    /** The per-example shape of each slot. */
    private final int[][] shapes;

    private final Tensor[] values;
    private final List<List<Tensor>> mergeInputs;
    private final List<Tensor> outputList;
    private final Tensor[] gradients;
    private final boolean[] summed;
    private final BatchBuffer[] sums;
    private boolean built;
    private boolean trainingForwardDone;
    private List<Parameter> parameters = List.of();
    private List<Buffer> buffers = List.of();

    private GraphModel(Builder builder, List<Integer> order, int[][] shapes) {
        this.inputNames = List.copyOf(builder.inputNames);
        this.inputShapes = builder.inputShapes.toArray(new int[0][]);
        int inputs = inputNames.size();
        int count = order.size();
        names = new String[count];
        layers = new Layer[count];
        merges = new MergeLayer[count];
        sources = new int[count][];
        List<String> slotNames = new ArrayList<>(inputNames);
        for (int k = 0; k < count; k++) {
            Builder.Node node = builder.nodes.get(order.get(k));
            names[k] = node.name;
            layers[k] = node.layer;
            merges[k] = node.layer instanceof MergeLayer merge ? merge : null;
            slotNames.add(node.name);
        }
        for (int k = 0; k < count; k++) {
            List<String> nodeInputs = builder.nodes.get(order.get(k)).inputs;
            sources[k] = nodeInputs.stream().mapToInt(slotNames::indexOf).toArray();
        }
        outputNames = List.copyOf(builder.outputs);
        outputSlots = outputNames.stream().mapToInt(slotNames::indexOf).toArray();
        this.shapes = shapes;

        int slots = inputs + count;
        values = new Tensor[slots];
        gradients = new Tensor[slots];
        summed = new boolean[slots];
        sums = new BatchBuffer[slots];
        for (int s = 0; s < slots; s++) {
            sums[s] = new BatchBuffer();
        }
        List<List<Tensor>> lists = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            lists.add(merges[k] == null ? null : Arrays.asList(new Tensor[sources[k].length]));
        }
        mergeInputs = lists;
        outputList = Arrays.asList(new Tensor[outputSlots.length]);
    }

    /** A builder whose nodes are given as layers. */
    public static Builder builder() {
        return new Builder(null);
    }

    /**
     * A builder that also takes nodes as layer specs ({@code "linear(out_features=8)"}), made by
     * {@code layers}: an application's layer registry, or the pipeline's.
     */
    public static Builder builder(java.util.function.Function<String, ? extends Layer> layers) {
        return new Builder(requireNonNull(layers, "layers is null"));
    }

    // --- structure ---

    @Override
    public List<String> inputNames() {
        return inputNames;
    }

    @Override
    public List<String> outputNames() {
        return outputNames;
    }

    /** The node names in topological order, the order forward runs them in. */
    public List<String> nodeNames() {
        return List.of(names);
    }

    /**
     * The layer of a node.
     *
     * @throws IllegalArgumentException if there is no such node, suggesting the nearest names
     */
    public Layer layer(String node) {
        return layers[node(node)];
    }

    /** The names of a node's inputs, in the order its layer takes them. */
    public List<String> inputsOf(String node) {
        int k = node(node);
        List<String> result = new ArrayList<>();
        for (int slot : sources[k]) {
            result.add(slotName(slot));
        }
        return List.copyOf(result);
    }

    private int node(String name) {
        requireNonNull(name, "node is null");
        for (int k = 0; k < names.length; k++) {
            if (names[k].equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("GraphModel: no node named '" + name + "'"
                + dev.descent.api.Suggestions.didYouMean(name, List.of(names)) + " (nodes: "
                + String.join(", ", names) + ")");
    }

    private String slotName(int slot) {
        return slot < inputNames.size() ? inputNames.get(slot) : names[slot - inputNames.size()];
    }

    // --- build ---

    /**
     * {@link #build(List, RandomGenerator)} on the input shapes the builder declared.
     */
    public GraphModel build(RandomGenerator random) {
        build(Arrays.asList(inputShapes), random);
        return this;
    }

    /**
     * Initialises each node's layer in topological order from {@code random}, on the shapes its inputs
     * produce, and names the parameters and buffers {@code <node>.<name>}.
     *
     * @throws IllegalArgumentException if the shapes are not those the builder declared, if a layer does
     *     not fit its inputs (naming the node), or if two qualified names clash
     */
    @Override
    public void build(List<int[]> shapesGiven, RandomGenerator random) {
        requireNonNull(shapesGiven, "inputShapes is null");
        requireNonNull(random, "random is null");
        if (shapesGiven.size() != inputShapes.length) {
            throw new IllegalArgumentException("GraphModel: the model has " + inputShapes.length + " inputs "
                    + inputNames + ", got " + shapesGiven.size() + " input shapes");
        }
        for (int i = 0; i < inputShapes.length; i++) {
            if (!Arrays.equals(shapesGiven.get(i), inputShapes[i])) {
                throw new IllegalArgumentException("GraphModel: input '" + inputNames.get(i) + "' was declared with"
                        + " per-example shape " + Shapes.toString(inputShapes[i]) + ", got "
                        + Shapes.toString(shapesGiven.get(i)));
            }
        }
        int inputs = inputNames.size();
        for (int k = 0; k < layers.length; k++) {
            List<int[]> in = inputShapesOf(k);
            try {
                if (merges[k] != null) {
                    merges[k].initialize(in, random);
                    shapes[inputs + k] = merges[k].outputShape(in);
                } else {
                    layers[k].initialize(in.get(0), random);
                    shapes[inputs + k] = layers[k].outputShape(in.get(0));
                }
            } catch (IllegalArgumentException e) {
                throw doesNotFit(k, in, e);
            }
        }
        List<Parameter> namedParameters = new ArrayList<>();
        List<Buffer> namedBuffers = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int k = 0; k < layers.length; k++) {
            for (Parameter parameter : layers[k].parameters()) {
                namedParameters.add(parameter.withName(unique(seen, names[k] + "." + parameter.name())));
            }
            for (Buffer buffer : layers[k].buffers()) {
                namedBuffers.add(buffer.withName(unique(seen, names[k] + "." + buffer.name())));
            }
        }
        parameters = List.copyOf(namedParameters);
        buffers = List.copyOf(namedBuffers);
        Arrays.fill(values, null);
        trainingForwardDone = false;
        built = true;
    }

    private static String unique(Set<String> seen, String name) {
        if (!seen.add(name)) {
            throw new IllegalArgumentException("GraphModel: two parameters or buffers are both named '" + name
                    + "' (a node name with a '.' can clash with another node's qualified names); rename a node");
        }
        return name;
    }

    private List<int[]> inputShapesOf(int k) {
        List<int[]> in = new ArrayList<>(sources[k].length);
        for (int slot : sources[k]) {
            in.add(shapes[slot]);
        }
        return in;
    }

    private IllegalArgumentException doesNotFit(int k, List<int[]> in, IllegalArgumentException cause) {
        StringBuilder from = new StringBuilder();
        for (int j = 0; j < sources[k].length; j++) {
            from.append(j == 0 ? "" : ", ").append('\'').append(slotName(sources[k][j])).append("' ")
                    .append(Shapes.toString(in.get(j)));
        }
        return new IllegalArgumentException("GraphModel: node '" + names[k] + "' (" + layers[k]
                + ") does not fit its per-example input" + (in.size() == 1 ? " " : "s ") + from + ": "
                + cause.getMessage(), cause);
    }

    @Override
    public boolean isBuilt() {
        return built;
    }

    @Override
    public List<int[]> outputShapes() {
        requireBuilt();
        List<int[]> result = new ArrayList<>(outputSlots.length);
        for (int slot : outputSlots) {
            result.add(shapes[slot].clone());
        }
        return List.copyOf(result);
    }

    private void requireBuilt() {
        if (!built) {
            throw new IllegalStateException("GraphModel: the model is not built; call build(random) or"
                    + " build(inputShapes, random) first");
        }
    }

    // --- forward and backward ---

    @Override
    public List<Tensor> forward(List<Tensor> inputs, Pass pass) {
        requireNonNull(inputs, "inputs is null");
        requireNonNull(pass, "pass is null");
        requireBuilt();
        int count = inputNames.size();
        if (inputs.size() != count) {
            throw new IllegalArgumentException("GraphModel: the model has " + count + " inputs " + inputNames
                    + ", got " + inputs.size() + " tensors");
        }
        int batch = -1;
        for (int i = 0; i < count; i++) {
            Tensor input = inputs.get(i);
            if (input == null) {
                throw new NullPointerException("GraphModel: input '" + inputNames.get(i) + "' is null");
            }
            int[] shape = input.shapeView();
            if (!isBatchOf(shape, inputShapes[i]) || (batch >= 0 && shape[0] != batch)) {
                throw new IllegalArgumentException("GraphModel: input '" + inputNames.get(i) + "' has shape "
                        + Shapes.toString(shape) + "; expected a batch" + (batch >= 0 ? " of " + batch : "")
                        + " of per-example shape " + Shapes.toString(inputShapes[i]));
            }
            batch = shape[0];
            values[i] = input;
        }
        trainingForwardDone = false;
        for (int k = 0; k < layers.length; k++) {
            int[] from = sources[k];
            Tensor output;
            try {
                if (merges[k] != null) {
                    List<Tensor> list = mergeInputs.get(k);
                    for (int j = 0; j < from.length; j++) {
                        list.set(j, values[from[j]]);
                    }
                    output = merges[k].forward(list, pass);
                } else {
                    output = layers[k].forward(values[from[0]], pass);
                }
            } catch (IllegalArgumentException e) {
                throw atNode(k, e);
            }
            values[count + k] = output;
        }
        for (int o = 0; o < outputSlots.length; o++) {
            outputList.set(o, values[outputSlots[o]]);
        }
        trainingForwardDone = pass.training();
        return outputList;
    }

    private static boolean isBatchOf(int[] shape, int[] perExample) {
        if (shape.length != perExample.length + 1) {
            return false;
        }
        for (int i = 0; i < perExample.length; i++) {
            if (shape[i + 1] != perExample[i]) {
                return false;
            }
        }
        return true;
    }

    private IllegalArgumentException atNode(int k, IllegalArgumentException cause) {
        return new IllegalArgumentException("GraphModel: node '" + names[k] + "' (" + layers[k] + "): "
                + cause.getMessage(), cause);
    }

    /**
     * Back-propagates d(loss)/d(output) for each output (null for an output without a loss) through the
     * last training forward, in reverse topological order, adding into every parameter's gradient.
     *
     * @throws IllegalStateException if the last forward was not a training one
     * @throws IllegalArgumentException if a gradient does not have its output's shape
     */
    @Override
    public void backward(List<Tensor> outputGradients) {
        requireNonNull(outputGradients, "outputGradients is null");
        if (!trainingForwardDone) {
            throw new IllegalStateException("GraphModel: backward called without a training forward; call"
                    + " forward(inputs, Pass.training(random)) first");
        }
        if (outputGradients.size() != outputSlots.length) {
            throw new IllegalArgumentException("GraphModel: the model has " + outputSlots.length + " outputs "
                    + outputNames + ", got " + outputGradients.size() + " output gradients");
        }
        Arrays.fill(gradients, null);
        Arrays.fill(summed, false);
        for (int o = 0; o < outputSlots.length; o++) {
            Tensor gradient = outputGradients.get(o);
            if (gradient == null) {
                continue;
            }
            Tensor value = values[outputSlots[o]];
            if (!Arrays.equals(gradient.shapeView(), value.shapeView())) {
                throw new IllegalArgumentException("GraphModel: the gradient of output '" + outputNames.get(o)
                        + "' has shape " + Shapes.toString(gradient.shapeView()) + " but the output has shape "
                        + Shapes.toString(value.shapeView()));
            }
            contribute(outputSlots[o], gradient);
        }
        int inputs = inputNames.size();
        for (int k = layers.length - 1; k >= 0; k--) {
            Tensor gradient = gradients[inputs + k];
            if (gradient == null) {
                continue; // nothing depends on this node in this step
            }
            int[] from = sources[k];
            try {
                if (merges[k] != null) {
                    List<Tensor> each = merges[k].backward(gradient);
                    for (int j = 0; j < from.length; j++) {
                        if (from[j] >= inputs) {
                            contribute(from[j], each.get(j));
                        }
                    }
                } else {
                    boolean wanted = from[0] >= inputs && layers[k].differentiableInput();
                    Tensor inputGradient = layers[k].backward(gradient, wanted);
                    if (wanted) {
                        contribute(from[0], inputGradient);
                    }
                }
            } catch (IllegalArgumentException e) {
                throw atNode(k, e);
            }
        }
    }

    /**
     * Adds a gradient to a slot's: the first is kept by reference; a second is summed with it into the
     * slot's own buffer, which later ones are added into. Tensors handed in are never written.
     */
    private void contribute(int slot, Tensor gradient) {
        if (gradient == null) {
            return;
        }
        Tensor current = gradients[slot];
        if (current == null) {
            gradients[slot] = gradient;
            return;
        }
        if (!Arrays.equals(current.shapeView(), gradient.shapeView())) {
            throw new IllegalStateException("GraphModel: two gradients of '" + slotName(slot) + "' have shapes "
                    + Shapes.toString(current.shapeView()) + " and " + Shapes.toString(gradient.shapeView()));
        }
        float[] g = gradient.array();
        int gOffset = gradient.offset();
        int size = gradient.size();
        if (!summed[slot]) {
            Tensor sum = sums[slot].get(current.shapeView());
            float[] s = sum.array();
            float[] c = current.array();
            int cOffset = current.offset();
            for (int i = 0; i < size; i++) {
                s[i] = c[cOffset + i] + g[gOffset + i];
            }
            gradients[slot] = sum;
            summed[slot] = true;
        } else {
            float[] s = current.array();
            for (int i = 0; i < size; i++) {
                s[i] += g[gOffset + i];
            }
        }
    }

    // --- state ---

    /** Every node's parameters in topological order, named {@code <node>.<name>} at {@link #build}. */
    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    /** Zeroes every parameter's gradient, by index: no iterator, so nothing is allocated per batch. */
    @Override
    public void zeroGradients() {
        for (int p = 0; p < parameters.size(); p++) {
            parameters.get(p).zeroGradient();
        }
    }

    /** Every node's buffers in topological order, named {@code <node>.<name>} at {@link #build}. */
    @Override
    public List<Buffer> buffers() {
        return buffers;
    }

    /** The inputs (layer {@code input}, no parameters), then one row per node in topological order. */
    @Override
    public List<LayerSummary> summary() {
        requireBuilt();
        List<LayerSummary> rows = new ArrayList<>();
        for (int i = 0; i < inputNames.size(); i++) {
            rows.add(new LayerSummary(inputNames.get(i), "input", inputShapes[i].clone(), 0));
        }
        for (int k = 0; k < layers.length; k++) {
            long count = 0;
            for (Parameter parameter : layers[k].parameters()) {
                count += parameter.value().size();
            }
            rows.add(new LayerSummary(names[k], layers[k].toString(), shapes[inputNames.size() + k].clone(), count));
        }
        return List.copyOf(rows);
    }

    /** The first node, in topological order, whose output in the last forward was not finite: {@code node 'score' (dot)}. */
    @Override
    public Optional<String> firstNonFiniteOutput() {
        int inputs = inputNames.size();
        for (int k = 0; k < layers.length; k++) {
            Tensor value = values[inputs + k];
            if (value != null && NonFinite.any(value)) {
                return Optional.of("node '" + names[k] + "' (" + layers[k] + ")");
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("GraphModel[inputs ").append(inputNames).append("; ");
        for (int k = 0; k < layers.length; k++) {
            text.append(names[k]).append(" = ").append(layers[k]).append(' ').append(inputsOf(names[k])).append("; ");
        }
        return text.append("outputs ").append(outputNames).append(']').toString();
    }

    /** Declares a {@link GraphModel}; see there. */
    public static final class Builder {
        private final java.util.function.Function<String, ? extends Layer> factory;
        private final List<String> inputNames = new ArrayList<>();
        private final List<int[]> inputShapes = new ArrayList<>();
        private final List<Node> nodes = new ArrayList<>();
        private final List<String> outputs = new ArrayList<>();

        private record Node(String name, Layer layer, List<String> inputs) {}

        private Builder(java.util.function.Function<String, ? extends Layer> factory) {
            this.factory = factory;
        }

        /** A model input and its per-example shape (without the batch axis). */
        public Builder input(String name, int... shape) {
            requireNonNull(name, "name is null");
            requireNonNull(shape, "shape is null");
            for (int dim : shape) {
                if (dim < 1) {
                    throw new IllegalArgumentException("GraphModel: input '" + name + "' has per-example shape "
                            + Shapes.toString(shape) + "; every length must be >= 1");
                }
            }
            inputNames.add(name);
            inputShapes.add(shape.clone());
            return this;
        }

        /** A node holding {@code layer}, fed by the named inputs or nodes, in the order the layer takes them. */
        public Builder node(String name, Layer layer, String... inputs) {
            requireNonNull(name, "name is null");
            requireNonNull(layer, "layer of node '" + name + "' is null");
            nodes.add(new Node(name, layer, inputList(name, inputs)));
            return this;
        }

        /**
         * A node holding the layer {@code spec} makes, through the factory given to
         * {@link GraphModel#builder(java.util.function.Function)}.
         *
         * @throws IllegalStateException if this builder has no factory
         */
        public Builder node(String name, String spec, String... inputs) {
            requireNonNull(name, "name is null");
            requireNonNull(spec, "spec of node '" + name + "' is null");
            if (factory == null) {
                throw new IllegalStateException("GraphModel: node '" + name + "' is given as the spec '" + spec
                        + "', but this builder makes no layers from specs; use GraphModel.builder(layers) with a"
                        + " function from spec to layer, or pass a Layer");
            }
            Layer layer;
            try {
                layer = factory.apply(spec);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("GraphModel: node '" + name + "': " + e.getMessage(), e);
            }
            nodes.add(new Node(name, requireNonNull(layer, "the factory made no layer for '" + spec + "'"),
                    inputList(name, inputs)));
            return this;
        }

        private static List<String> inputList(String name, String[] inputs) {
            requireNonNull(inputs, "inputs of node '" + name + "' is null");
            for (String input : inputs) {
                requireNonNull(input, "an input name of node '" + name + "' is null");
            }
            return List.of(inputs);
        }

        /** Names nodes as the model's outputs, in order (call again to add more). */
        public Builder output(String... names) {
            requireNonNull(names, "names is null");
            for (String name : names) {
                outputs.add(requireNonNull(name, "an output name is null"));
            }
            return this;
        }

        /**
         * Checks the graph and threads the declared shapes through every layer.
         *
         * @throws IllegalArgumentException for the first problem found: no input, node or output; a blank or
         *     repeated name; a node or output naming something unknown (with the nearest names); a layer
         *     object used twice; a single-input layer given several inputs or a node given none; a cycle;
         *     a node or input no output depends on; a layer that does not fit its inputs' shapes
         */
        public GraphModel build() {
            if (inputNames.isEmpty()) {
                throw invalid("the model has no input; declare one with input(name, shape...)");
            }
            if (nodes.isEmpty()) {
                throw invalid("the model has no node; add one with node(name, layer, inputs...)");
            }
            if (outputs.isEmpty()) {
                throw invalid("the model has no output; name the nodes it returns with output(names...)");
            }
            List<String> slotNames = new ArrayList<>();
            for (String name : inputNames) {
                claim(slotNames, name, "input");
            }
            for (Node node : nodes) {
                claim(slotNames, node.name, "node");
            }
            Set<Layer> layersSeen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (Node node : nodes) {
                checkInputs(node, slotNames);
                if (!layersSeen.add(node.layer)) {
                    throw invalid("node '" + node.name + "' holds a layer object another node holds already ("
                            + node.layer + "); each node needs a layer of its own");
                }
            }
            Set<String> outputSeen = new HashSet<>();
            for (String output : outputs) {
                if (inputNames.contains(output)) {
                    throw invalid("output '" + output + "' is a model input; an output must be a node");
                }
                if (!slotNames.contains(output)) {
                    throw invalid("output '" + output + "' is not a node"
                            + dev.descent.api.Suggestions.didYouMean(output, nodeNames()) + " (nodes: "
                            + String.join(", ", nodeNames()) + ")");
                }
                if (!outputSeen.add(output)) {
                    throw invalid("output '" + output + "' is named twice");
                }
            }
            List<Integer> order = topologicalOrder();
            checkEverythingFeedsAnOutput();
            int[][] shapes = new int[inputNames.size() + nodes.size()][];
            for (int i = 0; i < inputNames.size(); i++) {
                shapes[i] = inputShapes.get(i).clone();
            }
            GraphModel model = new GraphModel(this, order, shapes);
            model.inferShapes();
            return model;
        }

        private List<String> nodeNames() {
            return nodes.stream().map(Node::name).toList();
        }

        private static void claim(List<String> names, String name, String kind) {
            if (name.isBlank()) {
                throw invalid("a" + (kind.equals("input") ? "n " : " ") + kind + " has a blank name");
            }
            if (names.contains(name)) {
                throw invalid("the name '" + name + "' is used twice (the second time by a " + kind
                        + "); inputs and nodes need unique names");
            }
            names.add(name);
        }

        private void checkInputs(Node node, List<String> slotNames) {
            if (node.inputs.isEmpty()) {
                throw invalid("node '" + node.name + "' (" + node.layer + ") names no input; give the names of the"
                        + " inputs or nodes that feed it");
            }
            if (!(node.layer instanceof MergeLayer) && node.inputs.size() != 1) {
                throw invalid("node '" + node.name + "' holds " + node.layer + ", a single-input layer, but names "
                        + node.inputs.size() + " inputs " + node.inputs + "; only a merge layer (add, concat, ...)"
                        + " takes several");
            }
            for (String input : node.inputs) {
                if (input.equals(node.name)) {
                    throw invalid("node '" + node.name + "' names itself as an input; that is a cycle");
                }
                if (!slotNames.contains(input)) {
                    throw invalid("node '" + node.name + "' takes '" + input + "', which is neither an input nor a"
                            + " node" + dev.descent.api.Suggestions.didYouMean(input, slotNames) + " (inputs: "
                            + String.join(", ", inputNames) + "; nodes: " + String.join(", ", nodeNames()) + ")");
                }
            }
        }

        /** Kahn's algorithm, taking the first declared node that is ready each time; a leftover is a cycle. */
        private List<Integer> topologicalOrder() {
            Set<String> done = new HashSet<>(inputNames);
            List<Integer> order = new ArrayList<>();
            boolean[] placed = new boolean[nodes.size()];
            boolean progress = true;
            while (order.size() < nodes.size() && progress) {
                progress = false;
                for (int n = 0; n < nodes.size(); n++) {
                    if (!placed[n] && done.containsAll(nodes.get(n).inputs)) {
                        placed[n] = true;
                        order.add(n);
                        done.add(nodes.get(n).name);
                        progress = true;
                        break;
                    }
                }
            }
            if (order.size() < nodes.size()) {
                throw invalid("the nodes form a cycle: " + cycle(done) + "; a graph model must be acyclic");
            }
            return order;
        }

        /** A cycle among the nodes not placed: each has an input that is not placed either; follow them. */
        private String cycle(Set<String> done) {
            List<String> path = new ArrayList<>();
            Node node = nodes.stream().filter(n -> !done.contains(n.name)).findFirst().orElseThrow();
            while (!path.contains(node.name)) {
                path.add(node.name);
                String next = node.inputs.stream().filter(in -> !done.contains(in)).findFirst().orElseThrow();
                node = nodes.stream().filter(n -> n.name.equals(next)).findFirst().orElseThrow();
            }
            // path runs against the data flow (node <- its input); show it along the flow.
            List<String> loop = new ArrayList<>(path.subList(path.indexOf(node.name), path.size()));
            java.util.Collections.reverse(loop);
            // Start at the node declared first, so the message reads as the declarations do.
            List<String> declared = nodeNames();
            String first = loop.stream().min(java.util.Comparator.comparingInt(declared::indexOf)).orElseThrow();
            java.util.Collections.rotate(loop, -loop.indexOf(first));
            loop.add(loop.get(0));
            return String.join(" -> ", loop);
        }

        private void checkEverythingFeedsAnOutput() {
            Set<String> needed = new HashSet<>();
            java.util.ArrayDeque<String> pending = new java.util.ArrayDeque<>(outputs);
            while (!pending.isEmpty()) {
                String name = pending.pop();
                if (needed.add(name)) {
                    nodes.stream().filter(n -> n.name.equals(name)).findFirst()
                            .ifPresent(n -> pending.addAll(n.inputs));
                }
            }
            for (Node node : nodes) {
                if (!needed.contains(node.name)) {
                    throw invalid("node '" + node.name + "' (" + node.layer + ") feeds no output (outputs: "
                            + String.join(", ", outputs) + "); name it in output(...) or remove it");
                }
            }
            for (String input : inputNames) {
                if (!needed.contains(input)) {
                    throw invalid("input '" + input + "' feeds no output (outputs: " + String.join(", ", outputs)
                            + "); feed it to a node or remove it");
                }
            }
        }

        private static IllegalArgumentException invalid(String message) {
            return new IllegalArgumentException("GraphModel: " + message);
        }
    }

    /** Threads the declared shapes through every layer's outputShape, naming the first node that does not fit. */
    private void inferShapes() {
        int inputs = inputNames.size();
        for (int k = 0; k < layers.length; k++) {
            List<int[]> in = inputShapesOf(k);
            try {
                shapes[inputs + k] = merges[k] != null ? merges[k].outputShape(in) : layers[k].outputShape(in.get(0));
            } catch (IllegalArgumentException e) {
                throw doesNotFit(k, in, e);
            }
        }
    }
}
