package dev.descent.optim;

import static dev.descent.optim.OptimizerFixtureTest.ABSOLUTE_FLOOR;
import static dev.descent.optim.OptimizerFixtureTest.RELATIVE_TOLERANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.descent.api.GradientTransform;
import dev.descent.api.Optimizer;
import dev.descent.api.Parameter;
import dev.descent.api.Tensor;
import dev.descent.optim.transform.Chain;
import dev.descent.optim.transform.ClipGradNorm;
import dev.descent.optim.transform.Ema;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gradient transforms, chain and param_groups against PyTorch: replays {@code fixtures/transforms/*.json},
 * written by {@code tools/fixtures/generate_transform_fixtures.py}.
 *
 * <ul>
 *   <li>Clipping cases: gradients before and after {@code clip_grad_norm_} (with its total norm) or
 *       {@code clip_grad_value_}; {@code beforeStep} of the transform the spec makes must give the same.
 *   <li>Trajectory cases: the parameters (and for ema the averages) after every call of {@code step} of the
 *       optimizer the spec makes, the gradients of each call computed by {@link TestFunctions} as the script
 *       computes them.
 * </ul>
 *
 * <p>Tolerance as {@link OptimizerFixtureTest}: {@code |actual - expected| <= max(1e-5 |expected|, 1e-6)}; NaN
 * must be NaN. Measured when the fixtures were made (torch 1.13, JDK 17) every number agrees bit for bit
 * except accumulate's, which sums the batches' gradients and divides once where PyTorch divides each batch's.
 */
class TransformFixtureTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Named<JsonNode>> clippingCases() throws IOException {
        return cases("clip_grad_norm", "clip_grad_value");
    }

    static Stream<Named<JsonNode>> trajectoryCases() throws IOException {
        return cases("chain", "accumulate", "param_groups", "ema");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clippingCases")
    void clippedGradientsAgreeWithPyTorch(JsonNode fixture) {
        GradientTransform transform = BuiltIns.transform(fixture.get("spec").asText());
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode gradient : fixture.get("gradients")) {
            Parameter parameter = Parameter.of(gradient.get("name").asText(), Tensor.zeros(shape(gradient)));
            System.arraycopy(floats(gradient.get("data")), 0, parameter.gradient().data(), 0,
                    parameter.gradient().size());
            parameters.add(parameter);
        }

        assertThat(transform.beforeStep(parameters)).isTrue();

        JsonNode expected = fixture.get("expected");
        for (int p = 0; p < parameters.size(); p++) {
            assertClose(floats(expected.get(p).get("data")), parameters.get(p).gradient().data(),
                    "gradient of " + parameters.get(p).name());
        }
        if (fixture.has("total_norm")) {
            assertClose(new float[] {(float) number(fixture.get("total_norm"))},
                    new float[] {((ClipGradNorm) transform).lastTotalNorm()}, "total norm");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trajectoryCases")
    void everyCallAgreesWithPyTorch(JsonNode fixture) {
        Optimizer optimizer = BuiltIns.optimizer(fixture.get("spec").asText());
        List<Parameter> parameters = new ArrayList<>();
        List<List<String>> functions = new ArrayList<>();
        for (JsonNode parameter : fixture.get("parameters")) {
            parameters.add(Parameter.of(parameter.get("name").asText(), Tensor.vector(floats(parameter.get("start")))));
            List<String> cycle = new ArrayList<>();
            parameter.get("functions").forEach(function -> cycle.add(function.asText()));
            functions.add(cycle);
        }
        JsonNode lrChange = fixture.get("lr_factor_at");

        int calls = fixture.get("calls").asInt();
        assertThat(fixture.get("trajectory")).hasSize(calls);
        for (int k = 0; k < calls; k++) {
            if (lrChange != null && k == lrChange.get("call").asInt()) {
                optimizer.setLearningRate(optimizer.learningRate() * lrChange.get("factor").asDouble());
            }
            for (int p = 0; p < parameters.size(); p++) {
                List<String> cycle = functions.get(p);
                TestFunctions.gradient(cycle.get(k % cycle.size()), parameters.get(p));
            }
            optimizer.step(parameters);

            for (int p = 0; p < parameters.size(); p++) {
                String where = parameters.get(p).name() + " after call " + (k + 1) + " of " + calls;
                assertClose(floats(fixture.get("trajectory").get(k).get(p)), parameters.get(p).value().data(), where);
                if (fixture.has("averages")) {
                    Ema ema = ((Chain) optimizer).find(Ema.class).orElseThrow();
                    assertClose(floats(fixture.get("averages").get(k).get(p)),
                            ema.averages().get(parameters.get(p).name()).data(), "average of " + where);
                }
            }
        }
    }

    private static void assertClose(float[] expected, float[] actual, String where) {
        assertThat(actual).as(where).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            String description = where + ", element " + i + ": PyTorch " + expected[i] + ", Descent " + actual[i];
            if (!Float.isFinite(expected[i])) {
                assertThat(Float.valueOf(actual[i])).as(description).isEqualTo(Float.valueOf(expected[i]));
            } else {
                double bound = Math.max(RELATIVE_TOLERANCE * Math.abs(expected[i]), ABSOLUTE_FLOOR);
                assertThat((double) actual[i]).as(description).isCloseTo(expected[i], within(bound));
            }
        }
    }

    private static Stream<Named<JsonNode>> cases(String... files) throws IOException {
        List<Named<JsonNode>> cases = new ArrayList<>();
        for (String file : files) {
            String resource = "fixtures/transforms/" + file + ".json";
            try (InputStream in = TransformFixtureTest.class.getClassLoader().getResourceAsStream(resource)) {
                assertThat(in).as("test resource %s; run tools/fixtures/generate_transform_fixtures.py", resource)
                        .isNotNull();
                JsonNode root = JSON.readTree(in);
                root.get("cases").forEach(node -> cases.add(Named.of(file + ": " + node.get("name").asText(), node)));
            }
        }
        return cases.stream();
    }

    private static int[] shape(JsonNode tensor) {
        int[] shape = new int[tensor.get("shape").size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = tensor.get("shape").get(i).asInt();
        }
        return shape;
    }

    /** Numbers as the generator writes them: a float's shortest decimal, or "NaN", "Infinity", "-Infinity". */
    private static float[] floats(JsonNode array) {
        float[] values = new float[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) number(array.get(i));
        }
        return values;
    }

    private static double number(JsonNode node) {
        return node.isTextual() ? Double.parseDouble(node.asText()) : node.asDouble();
    }
}
