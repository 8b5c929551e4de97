package org.acme.descent.guavaold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.api.Tensor;
import dev.descent.testkit.FiniteDifferences;
import org.junit.jupiter.api.Test;

/** {@link MedianAbsLoss} against medians worked by hand. */
class MedianAbsLossTest {
    private static final MedianAbsLoss LOSS = new MedianAbsLoss();

    @Test
    void oddCountGivesTheMiddleAbsoluteError() {
        // |[1, 5, 2] - [0, 0, 4]| = [1, 5, 2], sorted [1, 2, 5]: median 2
        assertThat(LOSS.compute(Tensor.vector(1, 5, 2), Tensor.vector(0, 0, 4))).isEqualTo(2);
    }

    @Test
    void oddCountSendsTheWholeGradientToTheMiddleElement() {
        Tensor gradient = Tensor.zeros(3);

        LOSS.compute(Tensor.vector(1, 5, 2), Tensor.vector(0, 0, 4), gradient);

        // the median is |2 - 4| at index 2; d|p - t|/dp = sign(2 - 4) = -1
        assertThat(gradient.data()).containsExactly(0, 0, -1);
    }

    @Test
    void evenCountGivesTheMeanOfTheTwoMiddleErrors() {
        // |[3, -1, 0, 10]| sorted [0, 1, 3, 10]: (1 + 3) / 2 = 2
        assertThat(LOSS.compute(Tensor.vector(3, -1, 0, 10), Tensor.vector(0, 0, 0, 0))).isEqualTo(2);
    }

    @Test
    void evenCountSplitsTheGradientBetweenTheTwoMiddleElements() {
        Tensor gradient = Tensor.zeros(4);

        LOSS.compute(Tensor.vector(3, -1, 0, 10), Tensor.vector(0, 0, 0, 0), gradient);

        // middle errors 3 (index 0, sign +1) and 1 (index 1, sign -1), each weighted 1/2
        assertThat(gradient.data()).containsExactly(0.5f, -0.5f, 0, 0);
    }

    @Test
    void anOutlierDoesNotMoveTheMedian() {
        // as evenCountGivesTheMeanOfTheTwoMiddleErrors, with the largest error 10 made 1000
        assertThat(LOSS.compute(Tensor.vector(3, -1, 0, 1000), Tensor.vector(0, 0, 0, 0))).isEqualTo(2);
    }

    @Test
    void gradientOverwritesWhatTheBufferHeld() {
        Tensor gradient = Tensor.vector(7, 7, 7);

        LOSS.compute(Tensor.vector(1, 5, 2), Tensor.vector(0, 0, 4), gradient);

        assertThat(gradient.data()).containsExactly(0, 0, -1);
    }

    @Test
    void gradientMatchesFiniteDifferencesAwayFromTies() {
        // absolute errors 0.3, 1.1, 0.7, 2.0, 1.6, 0.2: far apart, so a step of 1e-3 keeps their order
        Tensor predictions = Tensor.of(new float[] {0.3f, -1.1f, 0.7f, 2.0f, -1.6f, 0.2f}, 2, 3);
        Tensor targets = Tensor.zeros(2, 3);
        Tensor numeric = FiniteDifferences.gradient(p -> LOSS.compute(p, targets), predictions);
        Tensor analytic = Tensor.zeros(2, 3);

        LOSS.compute(predictions, targets, analytic);

        assertThat(FiniteDifferences.maxScaledError(analytic, numeric)).isLessThan(1e-3);
    }

    @Test
    void unreducedGivesTheAbsoluteErrors() {
        assertThat(LOSS.unreduced(Tensor.vector(1, 5, 2), Tensor.vector(0, 0, 4)).data()).containsExactly(1, 5, 2);
    }

    @Test
    void emptyTensorGivesNaN() {
        assertThat(LOSS.compute(Tensor.zeros(0, 3), Tensor.zeros(0, 3), Tensor.zeros(0, 3))).isNaN();
    }

    @Test
    void nanInAnInputGivesNaN() {
        Tensor gradient = Tensor.zeros(3);

        assertThat(LOSS.compute(Tensor.vector(1, Float.NaN, 2), Tensor.vector(0, 0, 0), gradient)).isNaN();
        assertThat(gradient.data()).containsOnly(Float.NaN);
    }

    @Test
    void shapeMismatchNamesTheLossAndBothShapes() {
        assertThatThrownBy(() -> LOSS.compute(Tensor.zeros(2, 3), Tensor.zeros(3, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("median_abs:")
                .hasMessageContaining("[2, 3]")
                .hasMessageContaining("[3, 2]");
    }
}
