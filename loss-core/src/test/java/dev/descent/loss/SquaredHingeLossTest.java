package dev.descent.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.Reduction;
import dev.descent.api.Tensor;
import dev.descent.testkit.FiniteDifferences;
import org.junit.jupiter.api.Test;

class SquaredHingeLossTest {
    // m = 1 - t·p = [0.5, 3, 4, -1]; max(m, 0)^2 = [0.25, 9, 16, 0], summing to 25.25.
    private final Tensor predictions = Tensor.vector(0.5f, -2f, 3f, 2f);
    private final Tensor targets = Tensor.vector(1f, 1f, -1f, 1f);

    @Test
    void meanIsTheMeanOfTheSquaredHinges() {
        // 25.25 / 4 = 6.3125
        assertThat(new SquaredHingeLoss(Reduction.MEAN).compute(predictions, targets)).isEqualTo(6.3125);
    }

    @Test
    void sumIsTheSumOfTheSquaredHinges() {
        assertThat(new SquaredHingeLoss(Reduction.SUM).compute(predictions, targets)).isEqualTo(25.25);
    }

    @Test
    void noneReturnsTheSumOfTheUnreducedValues() {
        assertThat(new SquaredHingeLoss(Reduction.NONE).compute(predictions, targets)).isEqualTo(25.25);
        assertThat(new SquaredHingeLoss().unreduced(predictions, targets).data()).containsExactly(0.25f, 9f, 16f, 0f);
    }

    @Test
    void gradientIsMinusTwiceTheTargetTimesTheHinge() {
        // -2 t max(m, 0) = [-1, -6, 8, 0]
        Tensor gradient = Tensor.zeros(4);
        new SquaredHingeLoss(Reduction.SUM).compute(predictions, targets, gradient);

        assertThat(gradient.data()).containsExactly(new float[] {-1f, -6f, 8f, 0f}, within(0f));
    }

    @Test
    void zeroOneTargetsAreReadAsMinusOneAndOne() {
        assertThat(new SquaredHingeLoss(Reduction.SUM).compute(predictions, Tensor.vector(1f, 1f, 0f, 1f)))
                .isEqualTo(25.25);
    }

    @Test
    void gradientIsContinuousAtTheMargin() {
        // m = 0: loss 0, gradient -2·1·0 = 0
        Tensor gradient = Tensor.zeros(1);
        new SquaredHingeLoss().compute(Tensor.vector(1f), Tensor.vector(1f), gradient);

        assertThat(gradient.data()[0]).isZero();
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        Tensor[] point = HingeLossTest.awayFromKink(11);
        SquaredHingeLoss loss = new SquaredHingeLoss(Reduction.MEAN);
        Tensor numeric = FiniteDifferences.gradient(p -> loss.compute(p, point[1]), point[0]);
        Tensor analytic = Tensor.zeros(3, 4);

        loss.compute(point[0], point[1], analytic);

        assertThat(FiniteDifferences.maxScaledError(analytic, numeric)).isLessThan(1e-4);
    }

    @Test
    void targetOtherThanPlusOrMinusOneIsRefusedNamingIndexAndValue() {
        assertThatThrownBy(() -> new SquaredHingeLoss().compute(Tensor.zeros(3), Tensor.vector(1f, 2f, 1f)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("squared_hinge: target at [1] is '2'; targets must be -1 or 1");
    }

    @Test
    void nanPredictionMakesValueAndGradientNaN() {
        // m = NaN: max(NaN, 0)^2 = NaN and -2 t max(NaN, 0) = NaN
        Tensor gradient = Tensor.zeros(1);
        double value = new SquaredHingeLoss().compute(Tensor.vector(Float.NaN), Tensor.vector(1f), gradient);

        assertThat(value).isNaN();
        assertThat(gradient.data()[0]).isNaN();
    }
}
