package dev.descent.loss;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.descent.api.ComponentResolver;
import dev.descent.api.Loss;
import dev.descent.api.LossProvider;
import dev.descent.api.Params;
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
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every loss against PyTorch: replays each case of {@code fixtures/losses/<loss>.json}, written by
 * {@code tools/fixtures/generate_loss_fixtures.py} (see {@code tools/fixtures/README.md}), and compares the
 * reduced value, the unreduced values and the gradient with the reference's.
 *
 * <p>Tolerances, the issue's: a relative error of at most 1e-5 on values and 1e-4 on gradients. Near zero a
 * relative error means nothing (PyTorch computes in float32, whose rounding of the inputs alone is about 6e-8
 * of their size), so an absolute floor of {@value #ABSOLUTE_FLOOR} times the array's scale (its largest
 * finite expected magnitude, at least 1) also passes: {@code |actual - expected| <= max(rtol |expected|,
 * 1e-6 scale)}. NaN must match NaN, and an infinity the same infinity.
 */
class LossFixtureTest {
    private static final String FOLDER = "fixtures/losses";
    private static final double VALUE_TOLERANCE = 1e-5;
    private static final double GRADIENT_TOLERANCE = 1e-4;
    private static final double ABSOLUTE_FLOOR = 1e-6;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One case of a fixture file. */
    record FixtureCase(String loss, String name, String spec, Tensor predictions, Tensor targets, double value,
            Tensor unreduced, Tensor gradient) {}

    static Stream<LossProvider> providers() {
        return ServiceLoader.load(LossProvider.class).stream().map(ServiceLoader.Provider::get);
    }

    static Stream<Named<FixtureCase>> cases() throws IOException {
        List<Named<FixtureCase>> cases = new ArrayList<>();
        for (Path file : fixtureFiles()) {
            JsonNode root = JSON.readTree(file.toFile());
            String loss = root.get("loss").asText();
            for (JsonNode node : root.get("cases")) {
                FixtureCase fixture = new FixtureCase(loss, node.get("name").asText(), node.get("spec").asText(),
                        tensor(node.get("predictions")), tensor(node.get("targets")), number(node.get("value")),
                        tensor(node.get("unreduced")), tensor(node.get("gradient")));
                cases.add(Named.of(loss + ": " + fixture.name(), fixture));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void valueUnreducedValuesAndGradientAgreeWithPyTorch(FixtureCase fixture) {
        Loss loss = create(fixture.spec());
        Tensor gradient = Tensor.zeros(fixture.predictions().shape());

        double value = loss.compute(fixture.predictions(), fixture.targets(), gradient);
        Tensor unreduced = loss.unreduced(fixture.predictions(), fixture.targets());

        assertThat(mismatches("value", new float[] {(float) fixture.value()}, new double[] {value}, new int[0],
                VALUE_TOLERANCE)).as(describe(fixture, "value")).isEmpty();
        assertThat(unreduced.shape()).as(describe(fixture, "shape of the unreduced values"))
                .containsExactly(fixture.unreduced().shape());
        assertThat(mismatches("unreduced", fixture.unreduced().data(), doubles(unreduced.data()),
                fixture.unreduced().shape(), VALUE_TOLERANCE)).as(describe(fixture, "unreduced values")).isEmpty();
        assertThat(mismatches("gradient", fixture.gradient().data(), doubles(gradient.data()),
                fixture.gradient().shape(), GRADIENT_TOLERANCE)).as(describe(fixture, "gradient")).isEmpty();
    }

    @Test
    void everyRegisteredLossHasAFixtureFile() throws IOException {
        List<String> files = fixtureFiles().stream().map(file -> file.getFileName().toString()).toList();

        assertThat(providers().map(provider -> provider.name() + ".json"))
                .as("losses found by ServiceLoader without a fixture file in %s; add the loss to"
                        + " tools/fixtures/generate_loss_fixtures.py and run it", FOLDER)
                .isSubsetOf(files);
    }

    @Test
    void everyFixtureFileNamesARegisteredLoss() throws IOException {
        List<String> names = providers().map(LossProvider::name).toList();

        assertThat(fixtureFiles()).extracting(file -> file.getFileName().toString().replaceFirst("\\.json$", ""))
                .as("fixture files in %s whose loss is not registered", FOLDER)
                .isSubsetOf(names);
    }

    /** The loss a spec makes, through its provider, as a config or the CLI would create it. */
    private static Loss create(String spec) {
        Spec parsed = Spec.parse(spec);
        LossProvider provider = providers().filter(p -> p.name().equals(parsed.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no LossProvider named '" + parsed.name() + "' for spec '"
                        + spec + "'"));
        return provider.create(Params.resolve("loss '" + provider.name() + "'", provider.params(),
                parsed.arguments(), ComponentResolver.NONE));
    }

    private static List<Path> fixtureFiles() throws IOException {
        URL folder = LossFixtureTest.class.getClassLoader().getResource(FOLDER);
        assertThat(folder).as("the test resource folder %s", FOLDER).isNotNull();
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("test resources at '" + folder + "' are not a folder", e);
        }
    }

    private static Tensor tensor(JsonNode node) {
        int[] shape = new int[node.get("shape").size()];
        for (int axis = 0; axis < shape.length; axis++) {
            shape[axis] = node.get("shape").get(axis).asInt();
        }
        JsonNode data = node.get("data");
        float[] values = new float[data.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) number(data.get(i));
        }
        return Tensor.of(values, shape);
    }

    /** A number as the generator writes it: the float's shortest decimal, or "NaN", "Infinity", "-Infinity". */
    private static double number(JsonNode node) {
        return node.isTextual() ? Float.parseFloat(node.asText()) : (float) node.doubleValue();
    }

    private static double[] doubles(float[] values) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }

    private static String describe(FixtureCase fixture, String what) {
        return "loss " + fixture.loss() + ", case '" + fixture.name() + "' (" + fixture.spec() + "), " + what;
    }

    /**
     * The elements where {@code actual} is not within tolerance of {@code expected}, each as
     * {@code what[index]: expected e but was a}.
     */
    private static List<String> mismatches(String what, float[] expected, double[] actual, int[] shape,
            double relative) {
        if (expected.length != actual.length) {
            return List.of(what + ": expected " + expected.length + " elements but got " + actual.length);
        }
        double scale = 1;
        for (float e : expected) {
            if (Float.isFinite(e)) {
                scale = Math.max(scale, Math.abs(e));
            }
        }
        double floor = ABSOLUTE_FLOOR * scale;
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i];
            double a = actual[i];
            boolean agrees = Double.isNaN(e) ? Double.isNaN(a)
                    : Double.isInfinite(e) ? a == e
                    : Math.abs(a - e) <= Math.max(relative * Math.abs(e), floor);
            if (!agrees) {
                mismatches.add(what + index(i, shape) + ": expected " + e + " but was " + a + " (relative error "
                        + (Math.abs(a - e) / Math.abs(e)) + ", tolerance " + relative + ")");
            }
        }
        return mismatches;
    }

    /** {@code [1, 2]}: the coordinates of a flat index in a row-major shape; nothing for a scalar. */
    private static String index(int flat, int[] shape) {
        if (shape.length == 0) {
            return "";
        }
        int[] coordinates = new int[shape.length];
        int rest = flat;
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            coordinates[axis] = rest % shape[axis];
            rest /= shape[axis];
        }
        return Arrays.toString(coordinates);
    }
}
