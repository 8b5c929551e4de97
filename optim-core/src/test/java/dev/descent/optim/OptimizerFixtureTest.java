package dev.descent.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.descent.api.Optimizer;
import dev.descent.api.OptimizerProvider;
import dev.descent.api.Parameter;
import dev.descent.api.Tensor;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every optimizer against PyTorch: replays each case of {@code fixtures/optimizers/<optimizer>.json}, written
 * by {@code tools/fixtures/generate_optimizer_fixtures.py}, or for the optimizers PyTorch 1.13 lacks by
 * {@code generate_reference_optimizer_fixtures.py} (see {@code tools/fixtures/README.md}). Each case starts a
 * two-element parameter (x, y), or a [3, 4] matrix where the case gives that shape, at the fixture's start and
 * takes its 25 steps, the gradients computed in float by {@link TestFunctions} as the script computes them,
 * and compares the parameters after every step with the reference's.
 *
 * <p>Tolerance: {@code |actual - expected| <= max(1e-5 |expected|, 1e-6)}. The relative part is the issue's
 * float tolerance; the absolute floor serves coordinates that converge to 0 (the quadratic's y reaches
 * 1e-8), where a relative error means nothing. The whole trajectory must agree, so an error would have to stay
 * below that bound for 25 steps of a chaotic function (Rosenbrock) to pass. Measured when the fixtures were
 * made (torch 1.13, JDK 17): every coordinate of every step was equal to PyTorch's bit for bit; the
 * tolerance leaves room for a {@code Math.pow} that rounds a bias correction otherwise.
 * For the reference implementations (lion, lamb, adafactor, ftrl, lookahead), lion, ftrl and lookahead agree
 * bit for bit too; lamb and adafactor differ by one float step at times (4 of 10 and 13 of 24 cases), where
 * torch's float32 norms and means round otherwise than Descent's sums in double.
 */
class OptimizerFixtureTest {
    private static final String FOLDER = "fixtures/optimizers";
    static final double RELATIVE_TOLERANCE = 1e-5;
    static final double ABSOLUTE_FLOOR = 1e-6;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One case of a fixture file. */
    record FixtureCase(String optimizer, String name, String spec, String function, float[] start, int[] shape,
            List<float[]> trajectory) {}

    static Stream<OptimizerProvider> providers() {
        return ServiceLoader.load(OptimizerProvider.class).stream().map(ServiceLoader.Provider::get);
    }

    static Stream<Named<FixtureCase>> cases() throws IOException {
        List<Named<FixtureCase>> cases = new ArrayList<>();
        for (Path file : fixtureFiles()) {
            JsonNode root = JSON.readTree(file.toFile());
            String optimizer = root.get("optimizer").asText();
            for (JsonNode node : root.get("cases")) {
                List<float[]> trajectory = new ArrayList<>();
                node.get("trajectory").forEach(point -> trajectory.add(floats(point)));
                float[] start = floats(node.get("start"));
                // A case without a shape starts a vector; matrix_quadratic's cases give theirs.
                int[] shape = node.has("shape") ? JSON.treeToValue(node.get("shape"), int[].class)
                        : new int[] {start.length};
                FixtureCase fixture = new FixtureCase(optimizer, node.get("name").asText(), node.get("spec").asText(),
                        node.get("function").asText(), start, shape, trajectory);
                cases.add(Named.of(optimizer + ": " + fixture.name(), fixture));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyStepAgreesWithPyTorch(FixtureCase fixture) {
        Optimizer optimizer = create(fixture.spec());
        Parameter parameter = Parameter.of("xy", Tensor.of(fixture.start().clone(), fixture.shape()));

        for (int k = 0; k < fixture.trajectory().size(); k++) {
            TestFunctions.gradient(fixture.function(), parameter);
            optimizer.step(List.of(parameter));

            float[] expected = fixture.trajectory().get(k);
            float[] actual = parameter.value().data();
            for (int i = 0; i < expected.length; i++) {
                double bound = Math.max(RELATIVE_TOLERANCE * Math.abs(expected[i]), ABSOLUTE_FLOOR);
                assertThat((double) actual[i])
                        .as("%s (%s): element %d after step %d of %d, reference %s, Descent %s", fixture.name(),
                                fixture.spec(), i, k + 1, fixture.trajectory().size(), expected[i], actual[i])
                        .isCloseTo(expected[i], within(bound));
            }
        }
    }

    @Test
    void everyRegisteredOptimizerHasAFixtureFile() throws IOException {
        List<String> files = new ArrayList<>(fixtureFiles().stream().map(file -> file.getFileName().toString()).toList());
        // chain and param_groups compose other optimizers; TransformFixtureTest replays their fixtures.
        files.addAll(List.of("chain.json", "param_groups.json"));

        assertThat(providers().map(provider -> provider.name() + ".json"))
                .as("optimizers found by ServiceLoader without a fixture file in %s; add the optimizer to"
                        + " tools/fixtures/generate_optimizer_fixtures.py and run it", FOLDER)
                .isSubsetOf(files);
    }

    @Test
    void everyFixtureFileNamesARegisteredOptimizer() throws IOException {
        List<String> names = providers().map(OptimizerProvider::name).toList();

        assertThat(fixtureFiles()).extracting(file -> file.getFileName().toString().replaceFirst("\\.json$", ""))
                .as("fixture files in %s whose optimizer is not registered", FOLDER)
                .isSubsetOf(names);
    }

    /** The optimizer a spec makes, through its provider, as a config or the CLI would create it. */
    static Optimizer create(String spec) {
        return BuiltIns.optimizer(spec);
    }

    private static List<Path> fixtureFiles() throws IOException {
        URL folder = OptimizerFixtureTest.class.getClassLoader().getResource(FOLDER);
        assertThat(folder).as("the test resource folder %s", FOLDER).isNotNull();
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("test resources at '" + folder + "' are not a folder", e);
        }
    }

    /** Numbers as the generator writes them, each a float's shortest decimal. */
    private static float[] floats(JsonNode array) {
        float[] values = new float[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) array.get(i).asDouble();
        }
        return values;
    }
}
