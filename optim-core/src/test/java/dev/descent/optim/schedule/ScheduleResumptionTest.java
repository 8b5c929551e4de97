package dev.descent.optim.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.Schedule;
import dev.descent.api.State;
import dev.descent.optim.BuiltIns;
import dev.descent.optim.schedule.ScheduleFixtureTest.FixtureCase;
import java.io.IOException;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exact resumption of the stateful schedules: the state taken after k epochs, loaded into a fresh schedule of
 * the same spec, continues with the rates an uninterrupted run has, for every k. For {@code reduce_on_plateau}
 * those rates are PyTorch's (its fixture); for {@code sequential} holding one, which PyTorch cannot build,
 * they are worked by hand.
 */
class ScheduleResumptionTest {

    static Stream<Named<FixtureCase>> plateauCases() throws IOException {
        return ScheduleFixtureTest.cases().filter(named -> named.getPayload().schedule().equals("reduce_on_plateau"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plateauCases")
    void reduceOnPlateauResumedAtEveryEpochContinuesWithPyTorchsRates(FixtureCase fixture) {
        double[] expected = fixture.rates();
        double[] metrics = fixture.metrics();
        for (int k = 1; k < metrics.length; k += 3) {
            Schedule first = BuiltIns.schedule(fixture.spec());
            for (int t = 0; t < k; t++) {
                first.learningRate(t, fixture.initialLr());
                first.observe(metrics[t]);
            }
            Schedule resumed = BuiltIns.schedule(fixture.spec());
            resumed.loadState(first.state());

            for (int t = k; t < expected.length; t++) {
                assertThat(resumed.learningRate(t, fixture.initialLr()))
                        .as("%s resumed after %d epochs: rate at t=%d", fixture.spec(), k, t)
                        .isCloseTo(expected[t], within(1e-12 * expected[t]));
                if (t < metrics.length) {
                    resumed.observe(metrics[t]);
                }
            }
        }
    }

    @Test
    void reduceOnPlateauStateHoldsPyTorchsCounters() {
        Schedule plateau = BuiltIns.schedule("reduce_on_plateau(patience=1, cooldown=2)");
        // 3 improves (best 3); 3, 3 are bad: the second makes 2 > patience, a reduction and a cooldown of 2;
        // the next 3 is bad but in the cooldown, so not counted, and the cooldown counts down to 1.
        for (double metric : new double[] {3, 3, 3, 3}) {
            plateau.observe(metric);
        }

        assertThat(plateau.state().numbers()).containsExactlyInAnyOrderEntriesOf(Map.of("best", 3.0,
                "num_bad_epochs", 0.0, "cooldown_counter", 1.0, "last_epoch", 4.0, "reductions", 1.0));
        assertThat(plateau.learningRate(4, 1)).isCloseTo(0.1, within(1e-16));
    }

    @Test
    void reduceOnPlateauStartsWithAnInfiniteBest() {
        assertThat(BuiltIns.schedule("reduce_on_plateau").state().number("best", 0))
                .isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(BuiltIns.schedule("reduce_on_plateau(mode=max)").state().number("best", 0))
                .isEqualTo(Double.NEGATIVE_INFINITY);
    }

    private static final String WARMUP_THEN_PLATEAU =
            "sequential(schedules=[linear_warmup(warmup_steps=2), reduce_on_plateau(patience=1, factor=0.5)],"
                    + " milestones=[2])";
    /** The validation loss reported at the end of epochs 0 to 8. */
    private static final double[] LOSSES = {5, 4, 3, 3, 3, 3, 2, 2, 2};
    /**
     * From an initial rate of 1: the warm-up gives 1/3 and 2/3 (and the losses of epochs 0 and 1 go to it);
     * from epoch 2 the plateau schedule gives 1. Loss 3 at epoch 2 is its first best; epochs 3 and 4 are bad,
     * the second makes 2 > patience, so 0.5 from epoch 5; epoch 5 bad, 6 improves (2), 7 and 8 bad: 0.25 at 9.
     */
    private static final double[] RATES = {1.0 / 3, 2.0 / 3, 1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.25};

    @Test
    void sequentialSendsTheMetricToTheScheduleInCharge() {
        Schedule schedule = BuiltIns.schedule(WARMUP_THEN_PLATEAU);

        for (int t = 0; t < RATES.length; t++) {
            assertThat(schedule.learningRate(t, 1)).as("rate at t=%d", t).isCloseTo(RATES[t], within(1e-15));
            if (t < LOSSES.length) {
                schedule.observe(LOSSES[t]);
            }
        }
    }

    @Test
    void sequentialResumedAtEveryEpochContinuesWithTheHandWorkedRates() {
        for (int k = 1; k <= LOSSES.length; k++) {
            Schedule first = BuiltIns.schedule(WARMUP_THEN_PLATEAU);
            for (int t = 0; t < k; t++) {
                first.learningRate(t, 1);
                first.observe(LOSSES[t]);
            }
            Schedule resumed = BuiltIns.schedule(WARMUP_THEN_PLATEAU);
            resumed.loadState(first.state());

            for (int t = k; t < RATES.length; t++) {
                assertThat(resumed.learningRate(t, 1)).as("resumed after %d epochs: rate at t=%d", k, t)
                        .isCloseTo(RATES[t], within(1e-15));
                if (t < LOSSES.length) {
                    resumed.observe(LOSSES[t]);
                }
            }
        }
    }

    @Test
    void sequentialStateNestsThePlateauUnderItsIndex() {
        Schedule schedule = BuiltIns.schedule(WARMUP_THEN_PLATEAU);
        for (int t = 0; t < 5; t++) {
            schedule.learningRate(t, 1);
            schedule.observe(LOSSES[t]);
        }

        State state = schedule.state();

        // Epochs 2, 3, 4 reached the plateau schedule: best 3, then a reduction at epoch 4.
        assertThat(state.numbers()).containsExactlyInAnyOrderEntriesOf(Map.of("last_t", 4.0, "1/best", 3.0,
                "1/num_bad_epochs", 0.0, "1/cooldown_counter", 0.0, "1/last_epoch", 3.0, "1/reductions", 1.0));
    }
}
