package dev.descent.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.Tensor;
import org.junit.jupiter.api.Test;

class FiniteDifferencesTest {

    @Test
    void gradientOfCubicSumMatchesCalculus() {
        // f(x) = sum x^3, so df/dx = 3 x^2: 3, 12, 0.75
        Tensor point = Tensor.vector(1f, -2f, 0.5f);
        Tensor gradient = FiniteDifferences.gradient(t -> {
            double sum = 0;
            for (float v : t.data()) {
                sum += (double) v * v * v;
            }
            return sum;
        }, point);

        assertThat(gradient.data()[0]).isCloseTo(3f, within(1e-4f));
        assertThat(gradient.data()[1]).isCloseTo(12f, within(1e-4f));
        assertThat(gradient.data()[2]).isCloseTo(0.75f, within(1e-4f));
    }

    @Test
    void pointIsRestored() {
        Tensor point = Tensor.vector(1.25f, 3f);
        FiniteDifferences.gradient(t -> t.data()[0] * t.data()[1], point);
        assertThat(point.data()).containsExactly(1.25f, 3f);
    }

    @Test
    void scaledErrorIsAbsoluteForSmallAndRelativeForLargeValues() {
        assertThat(FiniteDifferences.maxScaledError(Tensor.vector(0.1f), Tensor.vector(0.3f)))
                .isCloseTo(0.2, within(1e-6));
        assertThat(FiniteDifferences.maxScaledError(Tensor.vector(110f), Tensor.vector(100f)))
                .isCloseTo(0.1, within(1e-6));
        assertThat(FiniteDifferences.maxScaledError(Tensor.vector(Float.NaN), Tensor.vector(1f)))
                .isInfinite();
    }
}
