package dev.descent.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.Reduction;
import dev.descent.api.Tensor;
import org.junit.jupiter.api.Test;

class RmseLossTest {
    // p - t = [4, -4, 2, 0]; (p - t)^2 = [16, 16, 4, 0], summing to 36, mean 9.
    private final Tensor predictions = Tensor.vector(5f, -2f, 2.5f, 1f);
    private final Tensor targets = Tensor.vector(1f, 2f, 0.5f, 1f);

    @Test
    void meanIsTheRootOfTheMeanSquaredError() {
        // sqrt(36 / 4) = sqrt(9) = 3
        assertThat(new RmseLoss(Reduction.MEAN).compute(predictions, targets)).isEqualTo(3.0);
    }

    @Test
    void sumIsTheEuclideanNormOfTheError() {
        // sqrt(16 + 16 + 4 + 0) = sqrt(36) = 6
        assertThat(new RmseLoss(Reduction.SUM).compute(predictions, targets)).isEqualTo(6.0);
    }

    @Test
    void noneReturnsTheSumOfTheAbsoluteErrors() {
        // sqrt((p - t)^2) = |p - t| = [4, 4, 2, 0], summing to 10
        assertThat(new RmseLoss(Reduction.NONE).compute(predictions, targets)).isEqualTo(10.0);
    }

    @Test
    void meanGradientIsTheErrorOverNTimesTheRoot() {
        // d/dp sqrt(m) = m' / (2 sqrt m) = (2 (p - t) / 4) / (2 * 3) = (p - t) / 12 = [1/3, -1/3, 1/6, 0]
        Tensor gradient = Tensor.zeros(4);
        new RmseLoss(Reduction.MEAN).compute(predictions, targets, gradient);

        assertThat(gradient.data()).containsExactly(new float[] {1f / 3, -1f / 3, 1f / 6, 0f}, within(1e-7f));
    }

    @Test
    void sumGradientIsTheErrorOverTheNorm() {
        // (2 (p - t)) / (2 * 6) = (p - t) / 6 = [2/3, -2/3, 1/3, 0]
        Tensor gradient = Tensor.zeros(4);
        new RmseLoss(Reduction.SUM).compute(predictions, targets, gradient);

        assertThat(gradient.data()).containsExactly(new float[] {2f / 3, -2f / 3, 1f / 3, 0f}, within(1e-7f));
    }

    @Test
    void noneGradientIsTheSignOfTheError() {
        // d/dp sum(|p - t|) = sign([4, -4, 2, 0]) = [1, -1, 1, 0], 0 at zero error by choice
        Tensor gradient = Tensor.zeros(4);
        new RmseLoss(Reduction.NONE).compute(predictions, targets, gradient);

        assertThat(gradient.data()).containsExactly(1f, -1f, 1f, 0f);
    }

    @Test
    void unreducedValuesAreTheAbsoluteErrorsInThePredictionsShape() {
        // sqrt((p - t)^2) = |p - t| = [4, 4, 2, 0], laid out as [2, 2]
        Tensor values = new RmseLoss().unreduced(predictions.reshape(2, 2), targets.reshape(2, 2));

        assertThat(values.shape()).containsExactly(2, 2);
        assertThat(values.data()).containsExactly(4f, 4f, 2f, 0f);
    }

    @Test
    void meanAtZeroErrorIsZeroWithZeroGradient() {
        // sqrt(0) = 0; the gradient 0 / (2 sqrt 0) is chosen to be 0 where PyTorch's sqrt gives NaN
        Tensor gradient = Tensor.zeros(3);
        double value = new RmseLoss(Reduction.MEAN).compute(Tensor.vector(1f, -2f, 3f), Tensor.vector(1f, -2f, 3f),
                gradient);

        assertThat(value).isZero();
        assertThat(gradient.data()).containsOnly(0f);
    }

    @Test
    void sumAtZeroErrorIsZeroWithZeroGradient() {
        Tensor gradient = Tensor.zeros(3);
        double value = new RmseLoss(Reduction.SUM).compute(Tensor.vector(1f, -2f, 3f), Tensor.vector(1f, -2f, 3f),
                gradient);

        assertThat(value).isZero();
        assertThat(gradient.data()).containsOnly(0f);
    }

    @Test
    void noneAtZeroErrorIsZeroWithZeroGradient() {
        Tensor gradient = Tensor.zeros(3);
        double value = new RmseLoss(Reduction.NONE).compute(Tensor.vector(1f, -2f, 3f), Tensor.vector(1f, -2f, 3f),
                gradient);

        assertThat(value).isZero();
        assertThat(gradient.data()).containsOnly(0f);
    }

    @Test
    void nanPredictionMakesValueAndEveryGradientNaN() {
        // sqrt(mean) of a NaN is NaN, and the chain rule divides every element's mse' by it
        Tensor gradient = Tensor.zeros(2);
        double value = new RmseLoss().compute(Tensor.vector(Float.NaN, 3f), Tensor.vector(0f, 1f), gradient);

        assertThat(value).isNaN();
        assertThat(gradient.data()[0]).isNaN();
        assertThat(gradient.data()[1]).isNaN();
    }
}
