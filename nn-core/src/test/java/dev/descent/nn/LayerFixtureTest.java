package dev.descent.nn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.descent.api.Buffer;
import dev.descent.api.Layer;
import dev.descent.api.LayerProvider;
import dev.descent.api.MergeLayer;
import dev.descent.api.Parameter;
import dev.descent.api.Pass;
import dev.descent.api.Spec;
import dev.descent.api.Tensor;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every layer against PyTorch: replays each case of {@code fixtures/layers/<layer>.json}, written by the
 * {@code tools/fixtures/generate_layer_fixtures*.py} scripts (on {@code layer_fixtures.py}). A case loads
 * PyTorch's parameters and buffers into the layer, then runs its steps: a forward (training or
 * evaluation), and in training a backward of the recorded output gradient, comparing the output, the
 * input gradients, the parameter gradients (zeroed before each step) and the buffers after the step.
 *
 * <p>Tolerance: {@code |actual - expected| <= tolerance * max(1, max |expected|)} over each array, the
 * case's tolerance (1e-5 unless the script says otherwise, for sums over many terms).
 */
public class LayerFixtureTest {
    private static final String FOLDER = "fixtures/layers";
    private static final ObjectMapper JSON = new ObjectMapper();

    record FixtureCase(String layer, String name, JsonNode node) {}

    static Stream<LayerProvider> providers() {
        return ServiceLoader.load(LayerProvider.class).stream().map(ServiceLoader.Provider::get);
    }

    static Stream<Named<FixtureCase>> cases() throws IOException {
        List<Named<FixtureCase>> cases = new ArrayList<>();
        for (Path file : fixtureFiles()) {
            JsonNode root = JSON.readTree(file.toFile());
            String layer = root.get("layer").asText();
            for (JsonNode node : root.get("cases")) {
                FixtureCase fixture = new FixtureCase(layer, node.get("name").asText(), node);
                cases.add(Named.of(layer + ": " + fixture.name(), fixture));
            }
        }
        return cases.stream();
    }

    @Test
    void everyRegisteredLayerHasAFixtureFile() throws IOException {
        TreeSet<String> files = fixtureFiles().stream()
                .map(file -> file.getFileName().toString().replaceFirst("\\.json$", ""))
                .collect(Collectors.toCollection(TreeSet::new));
        List<String> registered = providers().map(LayerProvider::name).sorted().toList();

        assertThat(files).as("fixture files under %s (add the layer to a generate_layer_fixtures script)", FOLDER)
                .containsAll(registered);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void outputsAndGradientsAgreeWithPyTorch(FixtureCase fixture) {
        JsonNode node = fixture.node();
        String spec = node.get("spec").asText();
        double tolerance = node.get("tolerance").asDouble();
        JsonNode steps = node.get("steps");
        List<int[]> perExample = new ArrayList<>();
        for (JsonNode input : steps.get(0).get("inputs")) {
            int[] shape = tensor(input).shape();
            perExample.add(Arrays.copyOfRange(shape, 1, shape.length));
        }
        Layer layer = create(spec);
        if (layer instanceof MergeLayer merge) {
            merge.initialize(perExample, new SplittableRandom(1));
        } else {
            layer.initialize(perExample.get(0), new SplittableRandom(1));
        }
        Map<String, Parameter> parameters = layer.parameters().stream()
                .collect(Collectors.toMap(Parameter::name, Function.identity()));
        Map<String, Buffer> buffers = layer.buffers().stream()
                .collect(Collectors.toMap(Buffer::name, Function.identity()));
        String where = fixture.layer() + ", case '" + fixture.name() + "' (" + spec + ")";
        assertThat(parameters.keySet()).as(where + ": parameter names")
                .containsExactlyInAnyOrderElementsOf(names(node.get("parameters")));
        node.get("parameters").fields().forEachRemaining(entry ->
                load(parameters.get(entry.getKey()).value(), tensor(entry.getValue()), where + ", " + entry.getKey()));
        assertThat(buffers.keySet()).as(where + ": buffer names")
                .containsExactlyInAnyOrderElementsOf(names(node.get("buffers")));
        node.get("buffers").fields().forEachRemaining(entry ->
                load(buffers.get(entry.getKey()).value(), tensor(entry.getValue()), where + ", " + entry.getKey()));

        for (int s = 0; s < steps.size(); s++) {
            JsonNode step = steps.get(s);
            String at = where + ", step " + s;
            boolean training = step.get("training").asBoolean();
            List<Tensor> inputs = new ArrayList<>();
            step.get("inputs").forEach(input -> inputs.add(tensor(input)));
            Pass pass = training ? Pass.training(new SplittableRandom(s)) : Pass.INFERENCE;
            parameters.values().forEach(Parameter::zeroGradient);

            Tensor output = layer instanceof MergeLayer merge ? merge.forward(inputs, pass)
                    : layer.forward(inputs.get(0), pass);
            compare(at + ", output", tensor(step.get("output")), output, tolerance);

            if (step.has("output_gradient")) {
                Tensor outputGradient = tensor(step.get("output_gradient"));
                List<Tensor> inputGradients = layer instanceof MergeLayer merge ? merge.backward(outputGradient)
                        : Arrays.asList(layer.backward(outputGradient, true));
                JsonNode expected = step.get("input_gradients");
                for (int i = 0; i < expected.size(); i++) {
                    if (!expected.get(i).isNull()) {
                        compare(at + ", input gradient " + i, tensor(expected.get(i)), inputGradients.get(i),
                                tolerance);
                    }
                }
                step.get("parameter_gradients").fields().forEachRemaining(entry -> compare(
                        at + ", gradient of " + entry.getKey(), tensor(entry.getValue()),
                        parameters.get(entry.getKey()).gradient(), tolerance));
            }
            step.get("buffers").fields().forEachRemaining(entry -> compare(at + ", buffer " + entry.getKey(),
                    tensor(entry.getValue()), buffers.get(entry.getKey()).value(), tolerance));
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void load(Tensor target, Tensor source, String what) {
        assertThat(target.shape()).as(what + ": shape").containsExactly(source.shape());
        target.copyFrom(source);
    }

    /** The layer a spec makes, through its provider, as a config would create it (nested specs too). */
    public static Layer create(String spec) {
        return LayerResolver.layer(Spec.parse(spec));
    }

    private static List<Path> fixtureFiles() throws IOException {
        URL folder = LayerFixtureTest.class.getClassLoader().getResource(FOLDER);
        assertThat(folder).as("the test resource folder %s", FOLDER).isNotNull();
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("test resources at '" + folder + "' are not a folder", e);
        }
    }

    public static Tensor tensor(JsonNode node) {
        int[] shape = new int[node.get("shape").size()];
        for (int axis = 0; axis < shape.length; axis++) {
            shape[axis] = node.get("shape").get(axis).asInt();
        }
        JsonNode data = node.get("data");
        float[] values = new float[data.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode value = data.get(i);
            values[i] = value.isTextual() ? Float.parseFloat(value.asText()) : (float) value.doubleValue();
        }
        return Tensor.of(values, shape);
    }

    /** Fails naming the first few elements off by more than the tolerance (scaled by the array's magnitude). */
    private static void compare(String what, Tensor expected, Tensor actual, double tolerance) {
        assertThat(actual).as(what + ": the layer returned null").isNotNull();
        assertThat(actual.shape()).as(what + ": shape").containsExactly(expected.shape());
        float[] e = expected.data();
        float[] a = actual.array();
        int offset = actual.offset();
        double scale = 1;
        for (float value : e) {
            if (Float.isFinite(value)) {
                scale = Math.max(scale, Math.abs(value));
            }
        }
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < e.length && mismatches.size() < 5; i++) {
            double x = a[offset + i];
            boolean agrees = Float.isNaN(e[i]) ? Double.isNaN(x)
                    : Float.isInfinite(e[i]) ? x == e[i]
                    : Math.abs(x - e[i]) <= tolerance * scale;
            if (!agrees) {
                mismatches.add("element " + i + ": expected " + e[i] + " but was " + x);
            }
        }
        assertThat(mismatches).as(what + " (tolerance " + tolerance + " x " + scale + ")").isEmpty();
    }
}
