package dev.descent.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.Reduction;
import dev.descent.api.Tensor;
import org.junit.jupiter.api.Test;

class MapeLossTest {
    // 100 |t - p| / |t|: 1 for 2 is 50%, -5 for -4 is 25%, 5 for 5 is 0%, 3 for 2 is 50%
    private final Tensor predictions = Tensor.vector(1f, -5f, 5f, 3f);
    private final Tensor targets = Tensor.vector(2f, -4f, 5f, 2f);

    @Test
    void unreducedValuesArePercentagesOfTheTarget() {
        Tensor values = new MapeLoss(Reduction.NONE).unreduced(predictions, targets);

        assertThat(values.data()).containsExactly(50f, 25f, 0f, 50f);
    }

    @Test
    void meanIsTheMeanPercentage() {
        // (50 + 25 + 0 + 50) / 4 = 31.25
        assertThat(new MapeLoss().compute(predictions, targets)).isEqualTo(31.25);
    }

    @Test
    void gradientIsOneHundredTimesTheSignOverTheTarget() {
        // 100 sign(p - t) / |t| = [-50, -25, 0, 50]
        Tensor gradient = Tensor.zeros(4);
        new MapeLoss(Reduction.SUM).compute(predictions, targets, gradient);

        assertThat(gradient.data()).containsExactly(-50f, -25f, 0f, 50f);
    }

    @Test
    void zeroTargetDividesByEps() {
        // Keras: 100 · 0.5 / max(0, 1e-7) = 5e8, gradient 100 / 1e-7 = 1e9
        Tensor gradient = Tensor.zeros(1);
        double value = new MapeLoss().compute(Tensor.vector(0.5f), Tensor.vector(0f), gradient);

        assertThat(value).isCloseTo(5e8, within(1e-3));
        assertThat(gradient.data()).containsExactly(1e9f);
    }

    @Test
    void nanPredictionMakesValueAndItsGradientNaN() {
        Tensor gradient = Tensor.zeros(2);
        double value = new MapeLoss().compute(Tensor.vector(Float.NaN, 3f), Tensor.vector(1f, 2f), gradient);

        assertThat(value).isNaN();
        assertThat(gradient.data()[0]).isNaN();
        assertThat(gradient.data()[1]).isEqualTo(25f);
    }

    @Test
    void shapeMismatchNamesTheLossAndBothShapes() {
        assertThatThrownBy(() -> new MapeLoss().compute(Tensor.zeros(3), Tensor.zeros(1, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("mape:")
                .hasMessageContaining("[3]")
                .hasMessageContaining("[1, 3]");
    }
}
