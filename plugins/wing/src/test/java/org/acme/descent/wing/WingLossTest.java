package org.acme.descent.wing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.Reduction;
import dev.descent.api.Tensor;
import dev.descent.testkit.FiniteDifferences;
import org.junit.jupiter.api.Test;

/**
 * {@link WingLoss} against values worked by hand with the paper's w = 10, epsilon = 2, for which
 * C = 10 - 10 ln(1 + 10/2) = 10 - 10 ln 6.
 */
class WingLossTest {
    private static final double TOLERANCE = 1e-5;

    private static final WingLoss SUMMED = new WingLoss(10, 2, Reduction.SUM);

    /** The loss of one element with error {@code error}, and its gradient. */
    private static double[] single(WingLoss loss, float error) {
        Tensor gradient = Tensor.zeros(1);
        double value = loss.compute(Tensor.vector(error), Tensor.vector(0f), gradient);
        return new double[] {value, gradient.data()[0]};
    }

    @Test
    void smallErrorGetsTheLogarithmicBranch() {
        // |x| = 1 < 10: 10 ln(1 + 1/2) = 10 ln 1.5 = 4.0546...; gradient 10 / (2 + 1) = 3.333...
        double[] result = single(SUMMED, 1f);

        assertThat(result[0]).isCloseTo(10 * Math.log(1.5), within(TOLERANCE));
        assertThat(result[1]).isCloseTo(10.0 / 3, within(TOLERANCE));
    }

    @Test
    void negativeErrorHasTheSameValueAndTheOppositeGradient() {
        // x = -3: 10 ln(1 + 3/2) = 10 ln 2.5 = 9.1629...; gradient -10 / (2 + 3) = -2
        double[] result = single(SUMMED, -3f);

        assertThat(result[0]).isCloseTo(10 * Math.log(2.5), within(TOLERANCE));
        assertThat(result[1]).isCloseTo(-2, within(TOLERANCE));
    }

    @Test
    void largeErrorGetsTheLinearBranch() {
        // |x| = 12 >= 10: 12 - C = 12 - (10 - 10 ln 6) = 2 + 10 ln 6 = 19.9176...; gradient sign(x) = 1
        double[] result = single(SUMMED, 12f);

        assertThat(result[0]).isCloseTo(2 + 10 * Math.log(6), within(TOLERANCE));
        assertThat(result[1]).isCloseTo(1, within(TOLERANCE));
    }

    @Test
    void largeNegativeErrorHasGradientMinusOne() {
        // x = -15: 15 - C = 5 + 10 ln 6 = 22.9176...; gradient -1
        double[] result = single(SUMMED, -15f);

        assertThat(result[0]).isCloseTo(5 + 10 * Math.log(6), within(TOLERANCE));
        assertThat(result[1]).isCloseTo(-1, within(TOLERANCE));
    }

    @Test
    void atTheBoundaryBothBranchesAgreeAndTheLinearGradientApplies() {
        // |x| = w = 10: w - C = 10 ln 6 = w ln(1 + w/epsilon) = 17.9176...; the second branch gives gradient 1
        double[] result = single(SUMMED, 10f);

        assertThat(result[0]).isCloseTo(10 * Math.log(6), within(TOLERANCE));
        assertThat(result[1]).isCloseTo(1, within(TOLERANCE));
    }

    @Test
    void justBelowTheBoundaryTheLogarithmicGradientApplies() {
        // x = 9.5: gradient 10 / (2 + 9.5) = 0.8696, not the linear branch's 1
        double[] result = single(SUMMED, 9.5f);

        assertThat(result[0]).isCloseTo(10 * Math.log(1 + 9.5 / 2), within(TOLERANCE));
        assertThat(result[1]).isCloseTo(10 / 11.5, within(TOLERANCE));
    }

    @Test
    void zeroErrorHasZeroLossAndZeroGradient() {
        double[] result = single(SUMMED, 0f);

        assertThat(result[0]).isZero();
        assertThat(result[1]).isZero();
    }

    @Test
    void otherWidthAndEpsilonMoveTheBoundary() {
        WingLoss loss = new WingLoss(2, 1, Reduction.SUM);

        // w = 2, epsilon = 1, C = 2 - 2 ln 3; x = 3 >= 2: 3 - C = 1 + 2 ln 3 = 3.1972...
        assertThat(single(loss, 3f)[0]).isCloseTo(1 + 2 * Math.log(3), within(TOLERANCE));
        // x = 1 < 2: 2 ln 2 = 1.3863...; gradient 2 / (1 + 1) = 1
        assertThat(single(loss, 1f)[0]).isCloseTo(2 * Math.log(2), within(TOLERANCE));
        assertThat(single(loss, 1f)[1]).isCloseTo(1, within(TOLERANCE));
    }

    @Test
    void meanDividesValueAndGradientByTheElementCount() {
        WingLoss mean = new WingLoss(10, 2, Reduction.MEAN);
        // errors [1, 12] - [0, 0]: (10 ln 1.5 + 2 + 10 ln 6) / 2; gradients [10/3, 1] / 2
        Tensor gradient = Tensor.zeros(2);

        double value = mean.compute(Tensor.vector(1f, 12f), Tensor.vector(0f, 0f), gradient);

        assertThat(value).isCloseTo((10 * Math.log(1.5) + 2 + 10 * Math.log(6)) / 2, within(TOLERANCE));
        assertThat(gradient.data()[0]).isCloseTo((float) (10.0 / 3 / 2), within(1e-6f));
        assertThat(gradient.data()[1]).isCloseTo(0.5f, within(1e-6f));
    }

    @Test
    void errorIsPredictionMinusTarget() {
        // p = 2, t = 5: x = -3, gradient -2 (see negativeErrorHasTheSameValueAndTheOppositeGradient)
        Tensor gradient = Tensor.zeros(1);

        SUMMED.compute(Tensor.vector(2f), Tensor.vector(5f), gradient);

        assertThat(gradient.data()[0]).isCloseTo(-2f, within(1e-6f));
    }

    @Test
    void unreducedGivesEachElementsValue() {
        Tensor values = new WingLoss(10, 2, Reduction.NONE).unreduced(Tensor.vector(1f, -3f, 12f),
                Tensor.vector(0f, 0f, 0f));

        assertThat(values.data()).containsExactly((float) (10 * Math.log(1.5)), (float) (10 * Math.log(2.5)),
                (float) (2 + 10 * Math.log(6)));
    }

    @Test
    void gradientMatchesFiniteDifferencesOnBothBranches() {
        WingLoss loss = new WingLoss(1, 0.5, Reduction.MEAN);
        // errors 0.3, -0.7 (logarithmic) and 1.6, -2.4 (linear), each away from the kinks at 0 and ±1
        Tensor predictions = Tensor.of(new float[] {0.8f, -0.2f, 2.1f, -1.9f}, 2, 2);
        Tensor targets = Tensor.of(new float[] {0.5f, 0.5f, 0.5f, 0.5f}, 2, 2);
        Tensor numeric = FiniteDifferences.gradient(p -> loss.compute(p, targets), predictions);
        Tensor analytic = Tensor.zeros(2, 2);

        loss.compute(predictions, targets, analytic);

        assertThat(FiniteDifferences.maxScaledError(analytic, numeric)).isLessThan(1e-4);
    }

    @Test
    void nonPositiveWidthIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> new WingLoss(0, 2, Reduction.MEAN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("wing: w must be a finite number > 0, got '0.0'");
    }

    @Test
    void nonPositiveEpsilonIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> new WingLoss(10, -1, Reduction.MEAN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("epsilon")
                .hasMessageContaining("'-1.0'");
    }

    @Test
    void shapeMismatchNamesTheLossAndBothShapes() {
        assertThatThrownBy(() -> SUMMED.compute(Tensor.zeros(2, 3), Tensor.zeros(3, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("wing:")
                .hasMessageContaining("[2, 3]")
                .hasMessageContaining("[3, 2]");
    }
}
