package dev.descent.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.Reduction;
import dev.descent.api.Tensor;
import org.junit.jupiter.api.Test;

class MseLossTest {
    // p - t = [2, -2, 0, 0.5]; (p - t)^2 = [4, 4, 0, 0.25], summing to 8.25.
    private final Tensor predictions = Tensor.vector(3f, -1f, 2f, 0.5f);
    private final Tensor targets = Tensor.vector(1f, 1f, 2f, 0f);

    @Test
    void seedArticleExampleIs0075() {
        // (0.1^2 + 0.2^2 + 0.3^2 + 0.4^2) / 4 = (0.01 + 0.04 + 0.09 + 0.16) / 4 = 0.3 / 4 = 0.075
        double value = new MseLoss().compute(Tensor.vector(2.1f, 4.2f, 6.3f, 8.4f), Tensor.vector(2f, 4f, 6f, 8f));

        assertThat(value).isCloseTo(0.075, within(1e-6));
    }

    @Test
    void seedArticleExampleIsNot006AsAnArticleInCirculationSays() {
        // That article is wrong: the squared errors sum to 0.3 and there are 4 of them, so the mean is
        // 0.3 / 4 = 0.075; 0.06 would be 0.3 / 5.
        double value = new MseLoss().compute(Tensor.vector(2.1f, 4.2f, 6.3f, 8.4f), Tensor.vector(2f, 4f, 6f, 8f));

        assertThat(value).isNotCloseTo(0.06, within(1e-3));
    }

    @Test
    void seedArticleGradientIsTwiceTheErrorOverN() {
        // 2 (p - t) / 4 = [0.2, 0.4, 0.6, 0.8] / 4 = [0.05, 0.1, 0.15, 0.2]
        Tensor gradient = Tensor.zeros(4);
        new MseLoss().compute(Tensor.vector(2.1f, 4.2f, 6.3f, 8.4f), Tensor.vector(2f, 4f, 6f, 8f), gradient);

        assertThat(gradient.data()).containsExactly(new float[] {0.05f, 0.1f, 0.15f, 0.2f}, within(1e-6f));
    }

    @Test
    void meanIsTheSumOfSquaresOverN() {
        // 8.25 / 4 = 2.0625
        assertThat(new MseLoss(Reduction.MEAN).compute(predictions, targets)).isEqualTo(2.0625);
    }

    @Test
    void sumIsTheSumOfSquares() {
        // 4 + 4 + 0 + 0.25 = 8.25
        assertThat(new MseLoss(Reduction.SUM).compute(predictions, targets)).isEqualTo(8.25);
    }

    @Test
    void noneReturnsTheSumOfTheUnreducedValues() {
        // 4 + 4 + 0 + 0.25 = 8.25
        assertThat(new MseLoss(Reduction.NONE).compute(predictions, targets)).isEqualTo(8.25);
    }

    @Test
    void meanGradientIsTwiceTheErrorOverN() {
        // 2 [2, -2, 0, 0.5] / 4 = [1, -1, 0, 0.25]
        Tensor gradient = Tensor.zeros(4);
        new MseLoss(Reduction.MEAN).compute(predictions, targets, gradient);

        assertThat(gradient.data()).containsExactly(1f, -1f, 0f, 0.25f);
    }

    @Test
    void sumGradientIsTwiceTheError() {
        // 2 [2, -2, 0, 0.5] = [4, -4, 0, 1]
        Tensor gradient = Tensor.zeros(4);
        new MseLoss(Reduction.SUM).compute(predictions, targets, gradient);

        assertThat(gradient.data()).containsExactly(4f, -4f, 0f, 1f);
    }

    @Test
    void noneGradientIsTheGradientOfTheSum() {
        // d/dp sum((p - t)^2) = 2 [2, -2, 0, 0.5] = [4, -4, 0, 1]
        Tensor gradient = Tensor.zeros(4);
        new MseLoss(Reduction.NONE).compute(predictions, targets, gradient);

        assertThat(gradient.data()).containsExactly(4f, -4f, 0f, 1f);
    }

    @Test
    void unreducedValuesAreTheSquaredErrorsInThePredictionsShape() {
        // (p - t)^2 = [4, 4, 0, 0.25], laid out as [2, 2]
        Tensor values = new MseLoss().unreduced(predictions.reshape(2, 2), targets.reshape(2, 2));

        assertThat(values.shape()).containsExactly(2, 2);
        assertThat(values.data()).containsExactly(4f, 4f, 0f, 0.25f);
    }

    @Test
    void nanPredictionMakesValueAndItsGradientNaN() {
        // (NaN - 0)^2 = NaN; the other element: 2 (3 - 1) / 2 = 2
        Tensor gradient = Tensor.zeros(2);
        double value = new MseLoss().compute(Tensor.vector(Float.NaN, 3f), Tensor.vector(0f, 1f), gradient);

        assertThat(value).isNaN();
        assertThat(gradient.data()[0]).isNaN();
        assertThat(gradient.data()[1]).isEqualTo(2f);
    }
}
