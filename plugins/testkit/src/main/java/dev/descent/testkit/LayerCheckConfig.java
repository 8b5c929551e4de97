package dev.descent.testkit;

import static java.util.Objects.requireNonNull;

import dev.descent.api.ComponentResolver;
import dev.descent.api.Shapes;
import java.util.List;

/**
 * What {@link ContractChecks#checkLayer} checks a layer with:
 *
 * <pre>{@code
 * LayerCheckConfig.defaults().withSpecs("conv1d(out_channels=2, kernel_size=3)").withInputShape(4, 7)
 * LayerCheckConfig.defaults().withSpecs("concat").withInputShapes(new int[] {2, 3}, new int[] {2, 1})
 * }</pre>
 *
 * <p>A {@link dev.descent.api.MergeLayer} is checked on the inputs of {@link #inputShapes}, each input
 * drawn with a seed of its own; when only one shape is configured, it gets two inputs of that shape.
 *
 * @param specs the specs to create the layer from; empty means {@link ContractChecks#defaultSpec}
 * @param resolver builds nested specs
 * @param inputShape the shape of one example, without the batch axis
 * @param batchSize the number of examples in the batches the checks feed the layer
 * @param input draws a batch for a full shape, {@code [batchSize, inputShape...]}
 * @param mergeInputShapes the shape of one example of each input of a merge layer, in order; empty for a
 *     single-input layer, which takes {@code inputShape}
 */
public record LayerCheckConfig(List<String> specs, ComponentResolver resolver, int[] inputShape, int batchSize,
        TensorGenerator input, List<int[]> mergeInputShapes) {

    /** The default per-example input shape, [5]. */
    public static final int[] DEFAULT_INPUT_SHAPE = {5};

    /** The default batch size, 3. */
    public static final int DEFAULT_BATCH_SIZE = 3;

    public LayerCheckConfig {
        specs = List.copyOf(requireNonNull(specs, "specs is null"));
        requireNonNull(resolver, "resolver is null");
        inputShape = requireNonNull(inputShape, "inputShape is null").clone();
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got '" + batchSize + "'");
        }
        requireNonNull(input, "input is null");
        requireNonNull(mergeInputShapes, "mergeInputShapes is null");
        mergeInputShapes = mergeInputShapes.stream()
                .map(shape -> requireNonNull(shape, "a merge input shape is null").clone()).toList();
        if (!mergeInputShapes.isEmpty()) {
            inputShape = mergeInputShapes.get(0).clone();
        }
    }

    /** A configuration of a single-input layer (or of a merge layer on two inputs of {@code inputShape}). */
    public LayerCheckConfig(List<String> specs, ComponentResolver resolver, int[] inputShape, int batchSize,
            TensorGenerator input) {
        this(specs, resolver, inputShape, batchSize, input, List.of());
    }

    /** The default spec, no nested specs, examples of shape [5] in batches of 3, uniform in [-1, 1). */
    public static LayerCheckConfig defaults() {
        return new LayerCheckConfig(List.of(), ComponentResolver.NONE, DEFAULT_INPUT_SHAPE, DEFAULT_BATCH_SIZE,
                TensorGenerator.uniform(-1, 1), List.of());
    }

    @Override
    public int[] inputShape() {
        return inputShape.clone();
    }

    @Override
    public List<int[]> mergeInputShapes() {
        return mergeInputShapes.stream().map(int[]::clone).toList();
    }

    /**
     * The per-example shapes of a merge layer's inputs: {@link #mergeInputShapes}, or two of
     * {@link #inputShape} when none were given.
     */
    public List<int[]> inputShapes() {
        return mergeInputShapes.isEmpty() ? List.of(inputShape.clone(), inputShape.clone()) : mergeInputShapes();
    }

    /** {@code [batchSize, inputShape...]}. */
    public int[] batchShape() {
        return batchShape(inputShape);
    }

    /** {@code [batchSize, perExample...]}. */
    int[] batchShape(int[] perExample) {
        int[] shape = new int[perExample.length + 1];
        shape[0] = batchSize;
        System.arraycopy(perExample, 0, shape, 1, perExample.length);
        return shape;
    }

    public LayerCheckConfig withSpecs(String... newSpecs) {
        return withSpecs(List.of(newSpecs));
    }

    public LayerCheckConfig withSpecs(List<String> newSpecs) {
        return new LayerCheckConfig(newSpecs, resolver, inputShape, batchSize, input, mergeInputShapes);
    }

    public LayerCheckConfig withResolver(ComponentResolver newResolver) {
        return new LayerCheckConfig(specs, newResolver, inputShape, batchSize, input, mergeInputShapes);
    }

    /** One input of this per-example shape (and no merge input shapes). */
    public LayerCheckConfig withInputShape(int... newInputShape) {
        return new LayerCheckConfig(specs, resolver, newInputShape, batchSize, input, List.of());
    }

    /** The per-example shapes of a merge layer's inputs, in order; the first is also {@link #inputShape}. */
    public LayerCheckConfig withInputShapes(int[]... newInputShapes) {
        return withInputShapes(List.of(newInputShapes));
    }

    /** {@link #withInputShapes(int[]...)} from a list. */
    public LayerCheckConfig withInputShapes(List<int[]> newInputShapes) {
        if (newInputShapes.isEmpty()) {
            throw new IllegalArgumentException("give at least one input shape");
        }
        return new LayerCheckConfig(specs, resolver, newInputShapes.get(0), batchSize, input, newInputShapes);
    }

    public LayerCheckConfig withBatchSize(int newBatchSize) {
        return new LayerCheckConfig(specs, resolver, inputShape, newBatchSize, input, mergeInputShapes);
    }

    public LayerCheckConfig withInput(TensorGenerator newInput) {
        return new LayerCheckConfig(specs, resolver, inputShape, batchSize, newInput, mergeInputShapes);
    }

    @Override
    public String toString() {
        String shapes = mergeInputShapes.isEmpty() ? "inputShape=" + Shapes.toString(inputShape)
                : "inputShapes=" + mergeInputShapes.stream().map(Shapes::toString).toList();
        return "LayerCheckConfig[specs=" + specs + ", " + shapes + ", batchSize=" + batchSize + "]";
    }
}
