package dev.descent.loss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.Reduction;
import dev.descent.api.Tensor;
import org.junit.jupiter.api.Test;

class L1LossTest {
    // p - t = [2, -2, 0, 0.5]; |p - t| = [2, 2, 0, 0.5], summing to 4.5; sign(p - t) = [1, -1, 0, 1].
    private final Tensor predictions = Tensor.vector(3f, -1f, 2f, 0.5f);
    private final Tensor targets = Tensor.vector(1f, 1f, 2f, 0f);

    @Test
    void meanIsTheSumOfAbsoluteErrorsOverN() {
        // 4.5 / 4 = 1.125
        assertThat(new L1Loss(Reduction.MEAN).compute(predictions, targets)).isEqualTo(1.125);
    }

    @Test
    void sumIsTheSumOfAbsoluteErrors() {
        // 2 + 2 + 0 + 0.5 = 4.5
        assertThat(new L1Loss(Reduction.SUM).compute(predictions, targets)).isEqualTo(4.5);
    }

    @Test
    void noneReturnsTheSumOfTheUnreducedValues() {
        // 2 + 2 + 0 + 0.5 = 4.5
        assertThat(new L1Loss(Reduction.NONE).compute(predictions, targets)).isEqualTo(4.5);
    }

    @Test
    void meanGradientIsTheSignOverN() {
        // [1, -1, 0, 1] / 4 = [0.25, -0.25, 0, 0.25]
        Tensor gradient = Tensor.zeros(4);
        new L1Loss(Reduction.MEAN).compute(predictions, targets, gradient);

        assertThat(gradient.data()).containsExactly(0.25f, -0.25f, 0f, 0.25f);
    }

    @Test
    void sumGradientIsTheSign() {
        // sign([2, -2, 0, 0.5]) = [1, -1, 0, 1]
        Tensor gradient = Tensor.zeros(4);
        new L1Loss(Reduction.SUM).compute(predictions, targets, gradient);

        assertThat(gradient.data()).containsExactly(1f, -1f, 0f, 1f);
    }

    @Test
    void noneGradientIsTheGradientOfTheSum() {
        // d/dp sum(|p - t|) = sign([2, -2, 0, 0.5]) = [1, -1, 0, 1]
        Tensor gradient = Tensor.zeros(4);
        new L1Loss(Reduction.NONE).compute(predictions, targets, gradient);

        assertThat(gradient.data()).containsExactly(1f, -1f, 0f, 1f);
    }

    @Test
    void gradientIsZeroWherePredictionEqualsTarget() {
        // p = t everywhere: sign(0) = 0, as PyTorch's
        Tensor gradient = Tensor.zeros(3);
        new L1Loss(Reduction.SUM).compute(Tensor.vector(1f, -2f, 0f), Tensor.vector(1f, -2f, 0f), gradient);

        assertThat(gradient.data()).containsOnly(0f);
    }

    @Test
    void unreducedValuesAreTheAbsoluteErrorsInThePredictionsShape() {
        // |p - t| = [2, 2, 0, 0.5], laid out as [2, 2]
        Tensor values = new L1Loss().unreduced(predictions.reshape(2, 2), targets.reshape(2, 2));

        assertThat(values.shape()).containsExactly(2, 2);
        assertThat(values.data()).containsExactly(2f, 2f, 0f, 0.5f);
    }

    @Test
    void nanPredictionMakesTheValueNaNAndItsGradientZeroAsPyTorch() {
        // |NaN - 0| = NaN, and PyTorch's sign(NaN) = 0; the other: sign(3 - 1) / 2 = 0.5
        Tensor gradient = Tensor.zeros(2);
        double value = new L1Loss().compute(Tensor.vector(Float.NaN, 3f), Tensor.vector(0f, 1f), gradient);

        assertThat(value).isNaN();
        assertThat(gradient.data()[0]).isZero();
        assertThat(gradient.data()[1]).isEqualTo(0.5f);
    }
}
