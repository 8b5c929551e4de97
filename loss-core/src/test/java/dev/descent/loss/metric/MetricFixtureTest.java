package dev.descent.loss.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.Metric;
import dev.descent.api.MetricProvider;
import dev.descent.api.Tensor;
import dev.descent.loss.metric.MetricFixtures.Case;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every built-in metric against the values scikit-learn 1.2 computed for every case of its fixture file. */
class MetricFixtureTest {
    private static final double RELATIVE = 1e-5;
    private static final double ABSOLUTE = 1e-7;

    static java.util.stream.Stream<org.junit.jupiter.api.Named<Case>> cases() {
        return MetricFixtures.cases();
    }

    @Test
    void everyRegisteredMetricHasAFixtureFileWithCases() {
        List<MetricProvider> providers = MetricFixtures.providers();

        assertThat(providers).hasSize(13);
        for (MetricProvider provider : providers) {
            assertThat(MetricFixtures.read(provider.name())).as(provider.name()).isNotEmpty();
        }
    }

    @Test
    void everyFixtureCaseSpecNamesTheMetricOfItsFile() {
        for (MetricProvider provider : MetricFixtures.providers()) {
            for (Case fixture : MetricFixtures.read(provider.name())) {
                assertThat(fixture.spec()).as(fixture.toString()).startsWith(provider.name());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void agreesWithScikitLearn(Case fixture) {
        Metric metric = MetricFixtures.create(fixture.spec());
        metric.update(fixture.predictions(), fixture.targets());
        Tensor computed = metric.compute();

        assertThat(computed.shape()).as("shape").isEqualTo(fixture.expected().shape());
        double[] actual = MetricFixtures.result(metric);
        double[] expected = fixture.expectedValues();
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("element %d of %s", i, fixture.spec())
                    .isCloseTo(expected[i], within(RELATIVE * Math.abs(expected[i]) + ABSOLUTE));
        }
    }
}
