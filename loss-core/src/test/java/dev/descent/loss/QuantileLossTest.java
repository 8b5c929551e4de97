package dev.descent.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.Reduction;
import dev.descent.api.Tensor;
import org.junit.jupiter.api.Test;

class QuantileLossTest {
    // e = t - p = [1, -1, 0, 2]: an under-prediction, an over-prediction, an exact one, an under-prediction
    private final Tensor predictions = Tensor.vector(1f, 3f, 2f, -1f);
    private final Tensor targets = Tensor.vector(2f, 2f, 2f, 1f);

    @Test
    void underPredictionCostsQAndOverPredictionOneMinusQPerUnit() {
        // q 0.9: max(0.9 e, -0.1 e) = [0.9, 0.1, 0, 1.8]
        Tensor values = new QuantileLoss(0.9, Reduction.NONE).unreduced(predictions, targets);

        assertThat(values.data()).containsExactly(new float[] {0.9f, 0.1f, 0f, 1.8f}, within(1e-7f));
    }

    @Test
    void meanIsTheMeanPinballLoss() {
        // q 0.9: (0.9 + 0.1 + 0 + 1.8) / 4 = 0.7
        assertThat(new QuantileLoss(0.9, Reduction.MEAN).compute(predictions, targets)).isCloseTo(0.7, within(1e-12));
    }

    @Test
    void medianIsHalfTheL1Loss() {
        // q 0.5: 0.5 |e| = [0.5, 0.5, 0, 1], summing to 2 = 0.5 (1 + 1 + 0 + 2)
        assertThat(new QuantileLoss().compute(predictions, targets)).isEqualTo(0.5);
    }

    @Test
    void gradientIsMinusQBelowOneMinusQAboveAndTheirMeanAtATie() {
        // q 0.9: p < t gives -0.9, p > t gives 0.1, p = t gives (-0.9 + 0.1) / 2 = -0.4 (PyTorch's maximum)
        Tensor gradient = Tensor.zeros(4);
        new QuantileLoss(0.9, Reduction.SUM).compute(predictions, targets, gradient);

        assertThat(gradient.data()).containsExactly(new float[] {-0.9f, 0.1f, -0.4f, -0.9f}, within(1e-7f));
    }

    @Test
    void gradientOfTheSumVanishesAtTheQuantileOfTheTargets() {
        // targets 1..10, q 0.3, every p = 3.5: 3 targets below p pull with 0.7 each, 7 above with -0.3 each,
        // 3 · 0.7 - 7 · 0.3 = 0, so the 0.3-quantile minimises the loss; at 2.5, 2 · 0.7 - 8 · 0.3 = -1 < 0
        Tensor targets = Tensor.vector(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        QuantileLoss loss = new QuantileLoss(0.3, Reduction.SUM);
        Tensor atQuantile = Tensor.zeros(10);
        Tensor below = Tensor.zeros(10);

        loss.compute(constant(3.5f), targets, atQuantile);
        loss.compute(constant(2.5f), targets, below);

        assertThat(sum(atQuantile)).isCloseTo(0, within(1e-6));
        assertThat(sum(below)).isCloseTo(-1, within(1e-6));
    }

    private static Tensor constant(float value) {
        Tensor tensor = Tensor.zeros(10);
        tensor.fill(value);
        return tensor;
    }

    private static double sum(Tensor tensor) {
        double sum = 0;
        for (float value : tensor.data()) {
            sum += value;
        }
        return sum;
    }

    @Test
    void nanPredictionMakesTheValueNaN() {
        assertThat(new QuantileLoss().compute(Tensor.vector(Float.NaN, 1f), Tensor.vector(0f, 0f))).isNaN();
    }

    @Test
    void qOutsideTheOpenUnitIntervalIsRefused() {
        assertThatThrownBy(() -> new QuantileLoss(1, Reduction.MEAN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("quantile: q is '1.0'; it must lie in (0, 1), e.g. 0.9 for the 90th percentile");
    }

    @Test
    void shapeMismatchNamesTheLossAndBothShapes() {
        assertThatThrownBy(() -> new QuantileLoss().compute(Tensor.zeros(3), Tensor.zeros(4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("quantile:")
                .hasMessageContaining("[3]")
                .hasMessageContaining("[4]");
    }

    @Test
    void toStringIsTheSpec() {
        assertThat(new QuantileLoss(0.9, Reduction.SUM)).hasToString("quantile(q=0.9, reduction=sum)");
    }
}
