package dev.descent.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.Reduction;
import dev.descent.api.Tensor;
import org.junit.jupiter.api.Test;

class MsleLossTest {
    private static final double LN2 = Math.log(2);
    // log(p + 1) - log(t + 1): 3 for 1 is ln 4 - ln 2 = ln 2; 1 for 3 is -ln 2; -2 for -5: both clamp to 1e-7
    private final Tensor predictions = Tensor.vector(3f, 1f, -2f);
    private final Tensor targets = Tensor.vector(1f, 3f, -5f);

    @Test
    void unreducedValuesAreSquaredLogRatios() {
        // (ln 2)² = 0.480453, twice; 0 where both are clamped
        Tensor values = new MsleLoss(Reduction.NONE).unreduced(predictions, targets);

        assertThat(values.data()).containsExactly(new float[] {0.480453f, 0.480453f, 0f}, within(1e-6f));
    }

    @Test
    void meanIsTheMeanOfTheSquaredLogRatios() {
        // 2 (ln 2)² / 3
        assertThat(new MsleLoss().compute(predictions, targets)).isCloseTo(2 * LN2 * LN2 / 3, within(1e-12));
    }

    @Test
    void gradientIsTwiceTheLogRatioOverOnePlusP() {
        // 2 ln 2 / (3 + 1) = 0.3465736; 2 (-ln 2) / (1 + 1) = -0.6931472; 0 where the clamp holds p
        Tensor gradient = Tensor.zeros(3);
        new MsleLoss(Reduction.SUM).compute(predictions, targets, gradient);

        assertThat(gradient.data()).containsExactly(new float[] {0.3465736f, -0.6931472f, 0f}, within(1e-7f));
    }

    @Test
    void predictionBelowEpsCostsAsMuchAsEps() {
        // Keras: log(max(p, 1e-7) + 1); for t = 7, (log1p(1e-7) - ln 8)² = (1e-7 - 2.0794415)² whatever p <= 1e-7
        double atZero = new MsleLoss().compute(Tensor.vector(0f), Tensor.vector(7f));
        double negative = new MsleLoss().compute(Tensor.vector(-100f), Tensor.vector(7f));

        assertThat(atZero).isCloseTo(Math.pow(Math.log(8) - 1e-7, 2), within(1e-12));
        assertThat(negative).isEqualTo(atZero);
    }

    @Test
    void underPredictionCostsMoreThanOverPredictionByAsMuch() {
        // t = 10: p = 5 gives (ln 6 - ln 11)² = 0.3674, p = 15 gives (ln 16 - ln 11)² = 0.1404
        double under = new MsleLoss().compute(Tensor.vector(5f), Tensor.vector(10f));
        double over = new MsleLoss().compute(Tensor.vector(15f), Tensor.vector(10f));

        assertThat(under).isGreaterThan(over);
    }

    @Test
    void nanPredictionMakesValueAndItsGradientNaN() {
        Tensor gradient = Tensor.zeros(2);
        double value = new MsleLoss().compute(Tensor.vector(Float.NaN, 1f), Tensor.vector(1f, 1f), gradient);

        assertThat(value).isNaN();
        assertThat(gradient.data()[0]).isNaN();
        assertThat(gradient.data()[1]).isZero();
    }

    @Test
    void shapeMismatchNamesTheLossAndBothShapes() {
        assertThatThrownBy(() -> new MsleLoss().compute(Tensor.zeros(2, 2), Tensor.zeros(4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("msle:")
                .hasMessageContaining("[2, 2]")
                .hasMessageContaining("[4]");
    }
}
