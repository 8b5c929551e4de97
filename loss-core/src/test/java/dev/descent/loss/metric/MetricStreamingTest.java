package dev.descent.loss.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.Metric;
import dev.descent.api.Tensor;
import dev.descent.loss.metric.MetricFixtures.Case;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Streaming, on every fixture case of every metric: batches of 1, of 7 and the whole set give the same bits,
 * and that result is scikit-learn's; after {@code reset()} a metric is as new.
 */
class MetricStreamingTest {

    static Stream<Named<Case>> cases() {
        return MetricFixtures.cases();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void batchesOfOneSevenAndAllGiveTheSameResult(Case fixture) {
        int all = fixture.targets().dim(0);
        double[] whole = MetricFixtures.result(MetricFixtures.fedInBatches(fixture, all));

        assertThat(MetricFixtures.result(MetricFixtures.fedInBatches(fixture, 1))).as("batches of 1").isEqualTo(whole);
        assertThat(MetricFixtures.result(MetricFixtures.fedInBatches(fixture, 7))).as("batches of 7").isEqualTo(whole);
        double[] expected = fixture.expectedValues();
        for (int i = 0; i < expected.length; i++) {
            assertThat(whole[i]).as("element %d", i).isCloseTo(expected[i], within(1e-5 * Math.abs(expected[i]) + 1e-7));
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void resetForgetsEverythingAdded(Case fixture) {
        Metric metric = MetricFixtures.create(fixture.spec());
        int all = fixture.targets().dim(0);
        // Some other data first (the first rows, twice), so there is state to forget.
        Tensor predictions = MetricFixtures.rows(fixture.predictions(), 0, Math.min(all, 3));
        Tensor targets = MetricFixtures.rows(fixture.targets(), 0, Math.min(all, 3));
        metric.update(predictions, targets);
        metric.update(predictions, targets);
        metric.reset();
        MetricFixtures.feed(metric, fixture, 7);

        assertThat(MetricFixtures.result(metric))
                .isEqualTo(MetricFixtures.result(MetricFixtures.fedInBatches(fixture, all)));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void computeLeavesTheStateAsItWas(Case fixture) {
        Metric metric = MetricFixtures.create(fixture.spec());
        int all = fixture.targets().dim(0);
        int half = all / 2;
        metric.update(MetricFixtures.rows(fixture.predictions(), 0, half), MetricFixtures.rows(fixture.targets(), 0, half));
        metric.compute();
        metric.update(MetricFixtures.rows(fixture.predictions(), half, all),
                MetricFixtures.rows(fixture.targets(), half, all));

        assertThat(MetricFixtures.result(metric))
                .isEqualTo(MetricFixtures.result(MetricFixtures.fedInBatches(fixture, all)));
    }
}
