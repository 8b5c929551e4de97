package dev.descent.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.LayerProvider;
import dev.descent.testkit.CheckResult;
import dev.descent.testkit.ContractChecks;
import dev.descent.testkit.LayerCheckConfig;
import dev.descent.testkit.TensorGenerator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The testkit's layer contract (output shape, input and parameter gradients against finite differences,
 * accumulation, determinism, backward refused without a training forward, a smaller batch) on every
 * registered layer, so a new built-in is checked the moment it is registered.
 *
 * <p>A layer is checked on its default spec and examples of shape [5], unless {@code layer-contracts.txt}
 * (test resources) gives it specs and an input shape: one line per layer, tab-separated, {@code name},
 * the per-example shape ({@code 2,6,6}; {@code -} for a scalar per example), the specs separated by
 * {@code " ; "}, optionally the batch size, and optionally the inputs: {@code integers(0,10)} for an index
 * layer's whole numbers in [0, 10), {@code uniform(-1,1)} by default. A merge layer's line gives the shape
 * of each input, separated by {@code " | "} ({@code 1,4 | 2,4}).
 */
class LayerCatalogueContractTest {
    private static final String CONFIGS = "/layer-contracts.txt";

    static Stream<Arguments> contracts() throws IOException {
        Map<String, LayerCheckConfig> configs = configs();
        List<Arguments> arguments = new ArrayList<>();
        for (LayerProvider provider : ServiceLoader.load(LayerProvider.class).stream()
                .map(ServiceLoader.Provider::get).toList()) {
            arguments.add(Arguments.of(provider.name(), provider,
                    configs.getOrDefault(provider.name(), LayerCheckConfig.defaults().withResolver(LayerResolver.INSTANCE))));
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void keepsTheLayerContract(String name, LayerProvider provider, LayerCheckConfig config) {
        List<CheckResult> results = ContractChecks.checkLayer(provider, config);
        List<CheckResult> failed = results.stream().filter(result -> !result.passed()).toList();

        assertThat(results).isNotEmpty();
        assertThat(failed).as("failed checks of " + name).isEmpty();
    }

    /** {@code integers(low,high)} or {@code uniform(low,high)}. */
    private static TensorGenerator generator(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(integers|uniform)\\(([^,]+),([^)]+)\\)")
                .matcher(text.replace(" ", ""));
        if (!m.matches()) {
            throw new IllegalArgumentException(CONFIGS + ": inputs '" + text + "' are not integers(low,high) or"
                    + " uniform(low,high)");
        }
        return m.group(1).equals("integers")
                ? TensorGenerator.integers(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
                : TensorGenerator.uniform(Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)));
    }

    private static Map<String, LayerCheckConfig> configs() throws IOException {
        Map<String, LayerCheckConfig> configs = new HashMap<>();
        try (InputStream stream = LayerCatalogueContractTest.class.getResourceAsStream(CONFIGS)) {
            assertThat(stream).as("test resource %s", CONFIGS).isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t");
                List<int[]> shapes = Arrays.stream(fields[1].split(" \\| ")).map(String::trim)
                        .map(shape -> shape.equals("-") ? new int[0]
                                : Arrays.stream(shape.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray())
                        .toList();
                LayerCheckConfig config = (shapes.size() == 1 ? LayerCheckConfig.defaults().withInputShape(shapes.get(0))
                        : LayerCheckConfig.defaults().withInputShapes(shapes))
                        .withResolver(LayerResolver.INSTANCE)
                        .withSpecs(Arrays.stream(fields[2].split(" ; ")).map(String::trim).toList());
                if (fields.length > 3 && !fields[3].isBlank()) {
                    config = config.withBatchSize(Integer.parseInt(fields[3].trim()));
                }
                if (fields.length > 4) {
                    config = config.withInput(generator(fields[4].trim()));
                }
                configs.put(fields[0].trim(), config);
            }
        }
        return configs;
    }
}
