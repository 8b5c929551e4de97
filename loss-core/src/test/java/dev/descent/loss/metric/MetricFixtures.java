package dev.descent.loss.metric;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.descent.api.ComponentResolver;
import dev.descent.api.Metric;
import dev.descent.api.MetricProvider;
import dev.descent.api.Params;
import dev.descent.api.Spec;
import dev.descent.api.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/**
 * The scikit-learn fixtures of {@code tools/fixtures/generate_metric_fixtures.py}, one file per registered metric
 * under {@code fixtures/metrics/}, and the means to run a case: create its metric from its spec, feed it.
 */
final class MetricFixtures {
    static final String FOLDER = "fixtures/metrics/";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One case: a spec, inputs, and what scikit-learn computed. */
    record Case(String metric, String name, String spec, Tensor predictions, Tensor targets, Tensor expected,
            double[] expectedValues) {
        @Override
        public String toString() {
            return metric + ": " + name;
        }
    }

    private MetricFixtures() {}

    /** Every registered metric provider, the built-ins of this module. */
    static List<MetricProvider> providers() {
        return ServiceLoader.load(MetricProvider.class).stream().map(ServiceLoader.Provider::get).toList();
    }

    /** Every case of every registered metric's fixture file, named for the test report. */
    static Stream<Named<Case>> cases() {
        return providers().stream()
                .flatMap(provider -> read(provider.name()).stream())
                .map(fixture -> Named.of(fixture.toString(), fixture));
    }

    /** The cases of {@code fixtures/metrics/<metric>.json}; an {@link IllegalStateException} if it is missing. */
    static List<Case> read(String metric) {
        JsonNode document;
        try (InputStream in = MetricFixtures.class.getClassLoader().getResourceAsStream(FOLDER + metric + ".json")) {
            if (in == null) {
                throw new IllegalStateException("no fixture file " + FOLDER + metric + ".json");
            }
            document = JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!metric.equals(document.get("metric").asText())) {
            throw new IllegalStateException(FOLDER + metric + ".json holds metric " + document.get("metric"));
        }
        List<Case> cases = new ArrayList<>();
        for (JsonNode node : document.get("cases")) {
            JsonNode expected = node.get("expected");
            cases.add(new Case(metric, node.get("name").asText(), node.get("spec").asText(),
                    tensor(node.get("predictions")), tensor(node.get("targets")), tensor(expected), doubles(expected)));
        }
        return cases;
    }

    private static Tensor tensor(JsonNode node) {
        double[] values = doubles(node);
        float[] data = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            data[i] = (float) values[i];
        }
        int[] shape = new int[node.get("shape").size()];
        for (int axis = 0; axis < shape.length; axis++) {
            shape[axis] = node.get("shape").get(axis).asInt();
        }
        return Tensor.of(data, shape);
    }

    private static double[] doubles(JsonNode node) {
        JsonNode data = node.get("data");
        double[] values = new double[data.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = data.get(i).asDouble();
        }
        return values;
    }

    /** The metric a spec such as {@code f1(average=macro)} names, made by its registered provider. */
    static Metric create(String spec) {
        Spec parsed = Spec.parse(spec);
        MetricProvider provider = provider(parsed.name());
        return provider.create(Params.resolve("metric '" + provider.name() + "'", provider.params(),
                parsed.arguments(), ComponentResolver.NONE));
    }

    static MetricProvider provider(String name) {
        return providers().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no metric provider named " + name));
    }

    /** Rows {@code [from, to)} of {@code tensor} along the first axis, as a tensor of their own. */
    static Tensor rows(Tensor tensor, int from, int to) {
        int[] shape = tensor.shape().clone();
        int rowSize = tensor.size() / shape[0];
        shape[0] = to - from;
        return Tensor.of(Arrays.copyOfRange(tensor.data(), from * rowSize, to * rowSize), shape);
    }

    /** Feeds the case's inputs to a fresh metric in batches of {@code batch} rows; returns the metric. */
    static Metric fedInBatches(Case fixture, int batch) {
        Metric metric = create(fixture.spec());
        feed(metric, fixture, batch);
        return metric;
    }

    static void feed(Metric metric, Case fixture, int batch) {
        int n = fixture.targets().dim(0);
        for (int from = 0; from < n; from += batch) {
            int to = Math.min(n, from + batch);
            metric.update(rows(fixture.predictions(), from, to), rows(fixture.targets(), from, to));
        }
    }

    /** The result in double precision: {@link Metric#value()} for a scalar, else {@link Metric#compute()}. */
    static double[] result(Metric metric) {
        Tensor computed = metric.compute();
        if (computed.rank() == 0) {
            return new double[] {metric.value()};
        }
        double[] values = new double[computed.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = computed.data()[i];
        }
        return values;
    }
}
