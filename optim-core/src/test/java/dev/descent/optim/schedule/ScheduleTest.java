package dev.descent.optim.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.Schedule;
import org.junit.jupiter.api.Test;

/** The learning rates of the built-in schedules at chosen epochs, worked by hand. */
class ScheduleTest {
    private static final double EXACT = 1e-15;

    @Test
    void constantKeepsTheInitialRateAtEveryEpoch() {
        Schedule constant = new ConstantSchedule();

        assertThat(constant.learningRate(0, 0.3)).isEqualTo(0.3);
        assertThat(constant.learningRate(7, 0.3)).isEqualTo(0.3);
        assertThat(constant.learningRate(1_000_000_000_000L, 0.3)).isEqualTo(0.3);
    }

    @Test
    void stepLrKeepsTheInitialRateBeforeTheFirstBoundary() {
        Schedule stepLr = new StepLrSchedule(3, 0.5);

        // floor(0/3) = floor(2/3) = 0: 0.8 * 0.5^0 = 0.8
        assertThat(stepLr.learningRate(0, 0.8)).isEqualTo(0.8);
        assertThat(stepLr.learningRate(2, 0.8)).isEqualTo(0.8);
    }

    @Test
    void stepLrDecaysByGammaAtEachMultipleOfStepSize() {
        Schedule stepLr = new StepLrSchedule(3, 0.5);

        // 0.8 * 0.5^1 = 0.4 for t = 3..5; 0.8 * 0.5^2 = 0.2 at t = 6; 0.8 * 0.5^3 = 0.1 at t = 9
        assertThat(stepLr.learningRate(3, 0.8)).isCloseTo(0.4, within(EXACT));
        assertThat(stepLr.learningRate(5, 0.8)).isCloseTo(0.4, within(EXACT));
        assertThat(stepLr.learningRate(6, 0.8)).isCloseTo(0.2, within(EXACT));
        assertThat(stepLr.learningRate(9, 0.8)).isCloseTo(0.1, within(EXACT));
    }

    @Test
    void stepLrWithStepSizeOneDecaysEveryEpoch() {
        Schedule stepLr = new StepLrSchedule(1, 0.5);

        // 1 * 0.5^t
        assertThat(stepLr.learningRate(1, 1)).isEqualTo(0.5);
        assertThat(stepLr.learningRate(4, 1)).isEqualTo(0.0625);
    }

    @Test
    void cosineAnnealingStartsAtTheInitialRate() {
        // 0.1 + (0.9 - 0.1) * (1 + cos 0) / 2 = 0.1 + 0.8 = 0.9
        assertThat(new CosineAnnealingSchedule(4, 0.1).learningRate(0, 0.9)).isCloseTo(0.9, within(EXACT));
    }

    @Test
    void cosineAnnealingFollowsHalfACosineDownToEtaMin() {
        Schedule cosine = new CosineAnnealingSchedule(4, 0.1);

        // t=1: 0.1 + 0.8 * (1 + cos(pi/4)) / 2 = 0.1 + 0.4 * (1 + 0.70710678) = 0.78284271
        assertThat(cosine.learningRate(1, 0.9)).isCloseTo(0.78284271, within(1e-8));
        // t=2: 0.1 + 0.4 * (1 + cos(pi/2)) = 0.1 + 0.4 = 0.5
        assertThat(cosine.learningRate(2, 0.9)).isCloseTo(0.5, within(EXACT));
        // t=3: 0.1 + 0.4 * (1 - 0.70710678) = 0.21715729
        assertThat(cosine.learningRate(3, 0.9)).isCloseTo(0.21715729, within(1e-8));
    }

    @Test
    void cosineAnnealingReachesEtaMinAtTMax() {
        // 0.1 + 0.4 * (1 + cos(pi)) = 0.1
        assertThat(new CosineAnnealingSchedule(4, 0.1).learningRate(4, 0.9)).isCloseTo(0.1, within(EXACT));
    }

    @Test
    void cosineAnnealingRisesAgainPastTMaxAsPyTorchsClosedFormDoes() {
        Schedule cosine = new CosineAnnealingSchedule(4, 0.1);

        // t=6: 0.1 + 0.4 * (1 + cos(3pi/2)) = 0.5; t=8: 0.1 + 0.4 * (1 + cos(2pi)) = 0.9, the initial rate again
        assertThat(cosine.learningRate(6, 0.9)).isCloseTo(0.5, within(EXACT));
        assertThat(cosine.learningRate(8, 0.9)).isCloseTo(0.9, within(EXACT));
    }

    @Test
    void cosineAnnealingWithTheDefaultEtaMinEndsAtZero() {
        Schedule cosine = new CosineAnnealingSchedule(10, 0);

        // t=5: 1 * (1 + cos(pi/2)) / 2 = 0.5; t=10: (1 + cos(pi)) / 2 = 0
        assertThat(cosine.learningRate(5, 1)).isCloseTo(0.5, within(EXACT));
        assertThat(cosine.learningRate(10, 1)).isCloseTo(0, within(EXACT));
    }

    @Test
    void negativeEpochIsRefused() {
        assertThatThrownBy(() -> new StepLrSchedule(3, 0.1).learningRate(-1, 0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("step_lr: t must be >= 0 (epochs and steps count from 0), got '-1'");
    }

    @Test
    void stepLrRefusesAStepSizeBelowOne() {
        assertThatThrownBy(() -> new StepLrSchedule(0, 0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("step_lr: step_size must be an integer >= 1, got '0'");
    }

    @Test
    void cosineAnnealingRefusesATMaxBelowOne() {
        assertThatThrownBy(() -> new CosineAnnealingSchedule(0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cosine_annealing: t_max must be an integer >= 1, got '0'");
    }
}
