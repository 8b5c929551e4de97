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
 * }</pre>
 *
 * @param specs the specs to create the layer from; empty means {@link ContractChecks#defaultSpec}
 * @param resolver builds nested specs
 * @param inputShape the shape of one example, without the batch axis
 * @param batchSize the number of examples in the batches the checks feed the layer
 * @param input draws a batch for a full shape, {@code [batchSize, inputShape...]}
 */
public record LayerCheckConfig(List<String> specs, ComponentResolver resolver, int[] inputShape, int batchSize,
        TensorGenerator input) {

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
    }

    /** The default spec, no nested specs, examples of shape [5] in batches of 3, uniform in [-1, 1). */
    public static LayerCheckConfig defaults() {
        return new LayerCheckConfig(List.of(), ComponentResolver.NONE, DEFAULT_INPUT_SHAPE, DEFAULT_BATCH_SIZE,
                TensorGenerator.uniform(-1, 1));
    }

    @Override
    public int[] inputShape() {
        return inputShape.clone();
    }

    /** {@code [batchSize, inputShape...]}. */
    public int[] batchShape() {
        int[] shape = new int[inputShape.length + 1];
        shape[0] = batchSize;
        System.arraycopy(inputShape, 0, shape, 1, inputShape.length);
        return shape;
    }

    public LayerCheckConfig withSpecs(String... newSpecs) {
        return withSpecs(List.of(newSpecs));
    }

    public LayerCheckConfig withSpecs(List<String> newSpecs) {
        return new LayerCheckConfig(newSpecs, resolver, inputShape, batchSize, input);
    }

    public LayerCheckConfig withResolver(ComponentResolver newResolver) {
        return new LayerCheckConfig(specs, newResolver, inputShape, batchSize, input);
    }

    public LayerCheckConfig withInputShape(int... newInputShape) {
        return new LayerCheckConfig(specs, resolver, newInputShape, batchSize, input);
    }

    public LayerCheckConfig withBatchSize(int newBatchSize) {
        return new LayerCheckConfig(specs, resolver, inputShape, newBatchSize, input);
    }

    public LayerCheckConfig withInput(TensorGenerator newInput) {
        return new LayerCheckConfig(specs, resolver, inputShape, batchSize, newInput);
    }

    @Override
    public String toString() {
        return "LayerCheckConfig[specs=" + specs + ", inputShape=" + Shapes.toString(inputShape) + ", batchSize="
                + batchSize + "]";
    }
}
