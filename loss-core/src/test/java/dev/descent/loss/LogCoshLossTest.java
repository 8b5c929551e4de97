package dev.descent.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.Reduction;
import dev.descent.api.Tensor;
import org.junit.jupiter.api.Test;

class LogCoshLossTest {
    // x = p - t = [1, -2, 0]
    private final Tensor predictions = Tensor.vector(1.5f, -1f, 3f);
    private final Tensor targets = Tensor.vector(0.5f, 1f, 3f);

    @Test
    void unreducedValuesAreLogCoshOfTheError() {
        // log cosh 1 = log 1.5430806 = 0.4337808; log cosh 2 = log 3.7621957 = 1.3250027; log cosh 0 = 0
        Tensor values = new LogCoshLoss(Reduction.NONE).unreduced(predictions, targets);

        assertThat(values.data()).containsExactly(new float[] {0.4337808f, 1.3250027f, 0f}, within(1e-7f));
    }

    @Test
    void meanIsTheMeanOfLogCosh() {
        // (0.4337808304830271 + 1.3250027473578645 + 0) / 3
        assertThat(new LogCoshLoss().compute(predictions, targets)).isCloseTo(0.5862611926136305, within(1e-12));
    }

    @Test
    void gradientIsTanhOfTheError() {
        // tanh 1 = 0.7615942, tanh(-2) = -0.9640276, tanh 0 = 0
        Tensor gradient = Tensor.zeros(3);
        new LogCoshLoss(Reduction.SUM).compute(predictions, targets, gradient);

        assertThat(gradient.data()).containsExactly(new float[] {0.7615942f, -0.9640276f, 0f}, within(1e-7f));
    }

    @Test
    void meanGradientIsDividedByN() {
        // tanh 1 / 3 = 0.2538647
        Tensor gradient = Tensor.zeros(3);
        new LogCoshLoss().compute(predictions, targets, gradient);

        assertThat(gradient.data()[0]).isCloseTo(0.2538647f, within(1e-7f));
    }

    @Test
    void hugeErrorsGiveFiniteValuesWhereCoshOverflows() {
        // cosh(1e4) overflows a double; log cosh x = |x| - log 2 + log1p(exp(-2|x|)) = 1e4 - 0.6931472 there
        Tensor gradient = Tensor.zeros(2);
        double value = new LogCoshLoss(Reduction.SUM).compute(Tensor.vector(1e4f, -1e4f), Tensor.vector(0f, 0f),
                gradient);

        assertThat(value).isCloseTo(2 * (1e4 - Math.log(2)), within(1e-9));
        assertThat(gradient.data()).containsExactly(1f, -1f);
    }

    @Test
    void tinyErrorsKeepTheirRelativePrecision() {
        // log cosh x = x²/2 - x⁴/12 + ..., about 5e-13 at x = 1e-6, where log(cosh x) or
        // |x| + log1p(exp(-2|x|)) - log 2 keep only about 4 digits
        double x = 1e-6f;
        double expected = x * x / 2 - x * x * x * x / 12;

        double value = new LogCoshLoss(Reduction.SUM).compute(Tensor.vector(1e-6f), Tensor.vector(0f));

        assertThat(value).isCloseTo(expected, within(1e-8 * expected));
    }

    @Test
    void nanPredictionMakesValueAndItsGradientNaN() {
        Tensor gradient = Tensor.zeros(2);
        double value = new LogCoshLoss().compute(Tensor.vector(Float.NaN, 0f), Tensor.vector(0f, 0f), gradient);

        assertThat(value).isNaN();
        assertThat(gradient.data()[0]).isNaN();
        assertThat(gradient.data()[1]).isZero();
    }

    @Test
    void shapeMismatchNamesTheLossAndBothShapes() {
        assertThatThrownBy(() -> new LogCoshLoss().compute(Tensor.zeros(2, 3), Tensor.zeros(6)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("log_cosh:")
                .hasMessageContaining("[2, 3]")
                .hasMessageContaining("[6]");
    }

    @Test
    void toStringIsTheSpec() {
        assertThat(new LogCoshLoss(Reduction.SUM)).hasToString("log_cosh(reduction=sum)");
    }
}
