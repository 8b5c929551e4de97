package org.acme.descent.guavanew;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.Tensor;
import dev.descent.testkit.FiniteDifferences;
import org.junit.jupiter.api.Test;

/** {@link PercentileAbsLoss} against percentiles worked by hand. */
class PercentileAbsLossTest {
    /** Absolute errors [1, 5, 2, 4, 3]; the 5 is an under-prediction. */
    private static final Tensor PREDICTIONS = Tensor.vector(1, -5, 2, 4, 3);
    private static final Tensor TARGETS = Tensor.vector(0, 0, 0, 0, 0);

    @Test
    void ninetiethPercentileInterpolatesBetweenTheTwoLargestErrors() {
        // sorted [1, 2, 3, 4, 5]; 90 (5 - 1) / 100 = 3.6: e(3) + 0.6 (e(4) - e(3)) = 4 + 0.6 = 4.6
        assertThat(new PercentileAbsLoss(90).compute(PREDICTIONS, TARGETS)).isCloseTo(4.6, within(1e-12));
    }

    @Test
    void ninetiethPercentileSplitsTheGradientByTheInterpolationWeights() {
        Tensor gradient = Tensor.zeros(5);

        new PercentileAbsLoss(90).compute(PREDICTIONS, TARGETS, gradient);

        // rank 3 is error 4 at index 3 (sign +1), weight 0.4; rank 4 is error 5 at index 1 (sign -1), weight 0.6
        assertThat(gradient.data()[0]).isZero();
        assertThat(gradient.data()[1]).isCloseTo(-0.6f, within(1e-7f));
        assertThat(gradient.data()[2]).isZero();
        assertThat(gradient.data()[3]).isCloseTo(0.4f, within(1e-7f));
        assertThat(gradient.data()[4]).isZero();
    }

    @Test
    void fiftiethPercentileIsTheMedian() {
        // |[3, -1, 0, 10]| sorted [0, 1, 3, 10]; 50 * 3 / 100 = 1.5: 1 + 0.5 (3 - 1) = 2
        assertThat(new PercentileAbsLoss(50).compute(Tensor.vector(3, -1, 0, 10), Tensor.vector(0, 0, 0, 0)))
                .isEqualTo(2);
    }

    @Test
    void hundredthPercentileIsTheLargestErrorWithAllTheGradient() {
        Tensor gradient = Tensor.zeros(5);

        double value = new PercentileAbsLoss(100).compute(PREDICTIONS, TARGETS, gradient);

        assertThat(value).isEqualTo(5);
        assertThat(gradient.data()).containsExactly(0, -1, 0, 0, 0);
    }

    @Test
    void zerothPercentileIsTheSmallestError() {
        Tensor gradient = Tensor.zeros(5);

        double value = new PercentileAbsLoss(0).compute(PREDICTIONS, TARGETS, gradient);

        assertThat(value).isEqualTo(1);
        assertThat(gradient.data()).containsExactly(1, 0, 0, 0, 0);
    }

    @Test
    void gradientMatchesFiniteDifferencesAwayFromTies() {
        // absolute errors 0.3, 1.1, 0.7, 2.0, 1.6, 0.2: far apart, so a step of 1e-3 keeps their order;
        // 90 * 5 / 100 = 4.5 puts the percentile between 1.6 and 2.0
        Tensor predictions = Tensor.of(new float[] {0.3f, -1.1f, 0.7f, 2.0f, -1.6f, 0.2f}, 2, 3);
        Tensor targets = Tensor.zeros(2, 3);
        PercentileAbsLoss loss = new PercentileAbsLoss(90);
        Tensor numeric = FiniteDifferences.gradient(p -> loss.compute(p, targets), predictions);
        Tensor analytic = Tensor.zeros(2, 3);

        loss.compute(predictions, targets, analytic);

        assertThat(FiniteDifferences.maxScaledError(analytic, numeric)).isLessThan(1e-3);
    }

    @Test
    void inputsAreLeftUnchanged() {
        Tensor predictions = PREDICTIONS.copy();

        new PercentileAbsLoss(90).compute(predictions, TARGETS, Tensor.zeros(5));

        assertThat(predictions.data()).containsExactly(1, -5, 2, 4, 3);
    }

    @Test
    void unreducedGivesTheAbsoluteErrors() {
        assertThat(new PercentileAbsLoss(90).unreduced(PREDICTIONS, TARGETS).data()).containsExactly(1, 5, 2, 4, 3);
    }

    @Test
    void emptyTensorGivesNaN() {
        assertThat(new PercentileAbsLoss(90).compute(Tensor.zeros(0), Tensor.zeros(0), Tensor.zeros(0))).isNaN();
    }

    @Test
    void percentileAboveHundredIsRefused() {
        assertThatThrownBy(() -> new PercentileAbsLoss(101))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("percentile_abs: percentile must be in [0, 100], got '101'");
    }

    @Test
    void shapeMismatchNamesTheLossAndBothShapes() {
        assertThatThrownBy(() -> new PercentileAbsLoss(90).unreduced(Tensor.zeros(4), Tensor.zeros(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("percentile_abs:")
                .hasMessageContaining("[4]")
                .hasMessageContaining("[5]");
    }
}
