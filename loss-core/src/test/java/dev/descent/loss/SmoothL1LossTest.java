package dev.descent.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.api.Reduction;
import dev.descent.api.Tensor;
import org.junit.jupiter.api.Test;

class SmoothL1LossTest {
    // x = p - t = [2, -2, 0, 0.5, 1]
    private final Tensor predictions = Tensor.vector(3f, -1f, 2f, 0.5f, 1.5f);
    private final Tensor targets = Tensor.vector(1f, 1f, 2f, 0f, 0.5f);

    @Test
    void meanWithTheDefaultBeta() {
        // beta 1: |x| >= 1 gives |x| - 0.5 = [1.5, 1.5, -, -, 0.5]; |x| < 1 gives 0.5 x² = [-, -, 0, 0.125, -];
        // sum 3.625, mean 3.625 / 5 = 0.725
        assertThat(new SmoothL1Loss().compute(predictions, targets)).isEqualTo(0.725);
    }

    @Test
    void unreducedValuesAreQuadraticInsideBetaAndLinearOutside() {
        // beta 0.5: [2 - 0.25, 2 - 0.25, 0, 0.5 - 0.25, 1 - 0.25]; |x| = beta is already linear
        Tensor values = new SmoothL1Loss(0.5, Reduction.NONE).unreduced(predictions, targets);

        assertThat(values.data()).containsExactly(1.75f, 1.75f, 0f, 0.25f, 0.75f);
    }

    @Test
    void quadraticPartIsDividedByBeta() {
        // beta 2: 0.5 x² / 2 = x² / 4 for |x| < 2: [-, -, 0, 0.0625, 0.25]; |x| - 1 = 1 for |x| = 2; sum 2.3125
        assertThat(new SmoothL1Loss(2, Reduction.SUM).compute(predictions, targets)).isEqualTo(2.3125);
    }

    @Test
    void gradientIsXOverBetaInsideAndTheSignOutside() {
        // beta 2: x / 2 = [-, -, 0, 0.25, 0.5] inside; sign(x) at |x| = 2 (x / beta is ±1 there too)
        Tensor gradient = Tensor.zeros(5);
        new SmoothL1Loss(2, Reduction.SUM).compute(predictions, targets, gradient);

        assertThat(gradient.data()).containsExactly(1f, -1f, 0f, 0.25f, 0.5f);
    }

    @Test
    void meanGradientIsDividedByN() {
        // beta 1: [1, -1, 0, 0.5, 1] / 5
        Tensor gradient = Tensor.zeros(5);
        new SmoothL1Loss().compute(predictions, targets, gradient);

        assertThat(gradient.data()).containsExactly(0.2f, -0.2f, 0f, 0.1f, 0.2f);
    }

    @Test
    void betaZeroIsTheL1Loss() {
        // |x| = [2, 2, 0, 0.5, 1], summing to 5.5
        assertThat(new SmoothL1Loss(0, Reduction.SUM).compute(predictions, targets)).isEqualTo(5.5);
    }

    @Test
    void betaZeroGradientIsTheSignAndMinusOneAtZeroErrorAsPyTorch113() {
        // PyTorch 1.13's smooth_l1_backward: x <= -beta gives -1, and 0 <= -0 holds
        Tensor gradient = Tensor.zeros(5);
        new SmoothL1Loss(0, Reduction.SUM).compute(predictions, targets, gradient);

        assertThat(gradient.data()).containsExactly(1f, -1f, -1f, 1f, 1f);
    }

    @Test
    void largeErrorsGiveAFiniteValueAndAGradientOfOne() {
        // |x| = 2e4: 2e4 - 0.5; gradient sign(x)
        Tensor gradient = Tensor.zeros(2);
        double value = new SmoothL1Loss(1, Reduction.SUM).compute(Tensor.vector(1e4f, -1e4f),
                Tensor.vector(-1e4f, 1e4f), gradient);

        assertThat(value).isEqualTo(2 * (2e4 - 0.5));
        assertThat(gradient.data()).containsExactly(1f, -1f);
    }

    @Test
    void nanPredictionMakesValueAndItsGradientNaN() {
        Tensor gradient = Tensor.zeros(2);
        double value = new SmoothL1Loss().compute(Tensor.vector(Float.NaN, 0.5f), Tensor.vector(0f, 0f), gradient);

        assertThat(value).isNaN();
        assertThat(gradient.data()[0]).isNaN();
        assertThat(gradient.data()[1]).isEqualTo(0.25f);
    }

    @Test
    void negativeBetaIsRefused() {
        assertThatThrownBy(() -> new SmoothL1Loss(-1, Reduction.MEAN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("smooth_l1: beta is '-1.0'; it must be at least 0");
    }

    @Test
    void shapeMismatchNamesTheLossAndBothShapes() {
        assertThatThrownBy(() -> new SmoothL1Loss().compute(Tensor.zeros(2, 3), Tensor.zeros(3, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("smooth_l1:")
                .hasMessageContaining("[2, 3]")
                .hasMessageContaining("[3, 2]");
    }

    @Test
    void toStringIsTheSpec() {
        assertThat(new SmoothL1Loss(0.5, Reduction.SUM)).hasToString("smooth_l1(beta=0.5, reduction=sum)");
    }
}
