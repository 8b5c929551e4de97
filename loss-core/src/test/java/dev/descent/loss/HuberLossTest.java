package dev.descent.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.api.Reduction;
import dev.descent.api.Tensor;
import org.junit.jupiter.api.Test;

class HuberLossTest {
    // x = p - t = [2, -2, 0, 0.5, 1]
    private final Tensor predictions = Tensor.vector(3f, -1f, 2f, 0.5f, 1.5f);
    private final Tensor targets = Tensor.vector(1f, 1f, 2f, 0f, 0.5f);

    @Test
    void meanWithTheDefaultDeltaEqualsSmoothL1WithBetaOne() {
        // delta 1: [2 - 0.5, 2 - 0.5, 0, 0.125, 1 - 0.5], sum 3.625, mean 0.725
        assertThat(new HuberLoss().compute(predictions, targets)).isEqualTo(0.725);
    }

    @Test
    void unreducedValuesAreHalfTheSquareInsideDeltaAndLinearOutside() {
        // delta 0.5: 0.5 (|x| - 0.25) = [0.875, 0.875, -, 0.125, 0.375]; 0 inside
        Tensor values = new HuberLoss(0.5, Reduction.NONE).unreduced(predictions, targets);

        assertThat(values.data()).containsExactly(0.875f, 0.875f, 0f, 0.125f, 0.375f);
    }

    @Test
    void linearPartHasSlopeDelta() {
        // delta 2: 2 (2 - 1) = 2 for |x| = 2; 0.5 x² = [0, 0.125, 0.5] inside; sum 4.625
        assertThat(new HuberLoss(2, Reduction.SUM).compute(predictions, targets)).isEqualTo(4.625);
    }

    @Test
    void isDeltaTimesSmoothL1WithBetaDelta() {
        // an independent identity: 0.5 x² = delta · 0.5 x² / delta and delta (|x| - delta / 2) likewise
        double huber = new HuberLoss(0.5, Reduction.SUM).compute(predictions, targets);
        double smoothL1 = new SmoothL1Loss(0.5, Reduction.SUM).compute(predictions, targets);

        assertThat(huber).isEqualTo(0.5 * smoothL1);
    }

    @Test
    void gradientIsTheErrorInsideAndPlusOrMinusDeltaOutside() {
        // delta 2: ±2 at |x| = 2 (x itself there too), x = [0, 0.5, 1] inside
        Tensor gradient = Tensor.zeros(5);
        new HuberLoss(2, Reduction.SUM).compute(predictions, targets, gradient);

        assertThat(gradient.data()).containsExactly(2f, -2f, 0f, 0.5f, 1f);
    }

    @Test
    void gradientIsCappedAtDelta() {
        // delta 0.5: every |x| >= 0.5 gets ±0.5; x = 0 gets 0
        Tensor gradient = Tensor.zeros(5);
        new HuberLoss(0.5, Reduction.SUM).compute(predictions, targets, gradient);

        assertThat(gradient.data()).containsExactly(0.5f, -0.5f, 0f, 0.5f, 0.5f);
    }

    @Test
    void meanGradientIsDividedByN() {
        // delta 1: [1, -1, 0, 0.5, 1] / 5
        Tensor gradient = Tensor.zeros(5);
        new HuberLoss().compute(predictions, targets, gradient);

        assertThat(gradient.data()).containsExactly(0.2f, -0.2f, 0f, 0.1f, 0.2f);
    }

    @Test
    void nanPredictionMakesValueAndItsGradientNaN() {
        Tensor gradient = Tensor.zeros(2);
        double value = new HuberLoss().compute(Tensor.vector(Float.NaN, 0.5f), Tensor.vector(0f, 0f), gradient);

        assertThat(value).isNaN();
        assertThat(gradient.data()[0]).isNaN();
        assertThat(gradient.data()[1]).isEqualTo(0.25f);
    }

    @Test
    void zeroDeltaIsRefused() {
        assertThatThrownBy(() -> new HuberLoss(0, Reduction.MEAN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("huber: delta is '0.0'; it must be a finite number greater than 0");
    }

    @Test
    void shapeMismatchNamesTheLossAndBothShapes() {
        assertThatThrownBy(() -> new HuberLoss().unreduced(Tensor.zeros(4), Tensor.zeros(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("huber:")
                .hasMessageContaining("[4]")
                .hasMessageContaining("[5]");
    }

    @Test
    void toStringIsTheSpec() {
        assertThat(new HuberLoss(2, Reduction.NONE)).hasToString("huber(delta=2.0, reduction=none)");
    }
}
