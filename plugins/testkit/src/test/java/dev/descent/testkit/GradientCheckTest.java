package dev.descent.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.Tensor;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class GradientCheckTest {
    /** f(x) = sum |x|, kinked at 0. */
    private static final ToDoubleFunction<Tensor> ABS_SUM = t -> {
        double sum = 0;
        for (float v : t.data()) {
            sum += Math.abs(v);
        }
        return sum;
    };

    /** f(x) = sum x^2 / 2, whose gradient is x. */
    private static final ToDoubleFunction<Tensor> HALF_SQUARES = t -> {
        double sum = 0;
        for (float v : t.data()) {
            sum += 0.5 * v * v;
        }
        return sum;
    };

    @Test
    void rightGradientPasses() {
        Tensor point = Tensor.of(new float[] {1, -2, 0.5f, 3}, 2, 2);

        GradientCheck.Comparison comparison = GradientCheck.compare(HALF_SQUARES, point, point.copy());

        assertThat(comparison.passed()).isTrue();
        assertThat(comparison.kinks()).isZero();
    }

    @Test
    void wrongElementIsFoundWithItsIndex() {
        Tensor point = Tensor.of(new float[] {1, -2, 0.5f, 3}, 2, 2);
        Tensor analytic = point.copy();
        analytic.set(2.5f, 1, 1);

        GradientCheck.Comparison comparison = GradientCheck.compare(HALF_SQUARES, point, analytic);

        // f = (1 + 4 + 0.25 + 9) / 2 = 7.125; allowed there 0.01 * 3 + 1e-4 * 7.125 = 0.0307125;
        // |2.5 - 3| / 0.0307125 = 16.28
        assertThat(comparison.passed()).isFalse();
        assertThat(comparison.error()).isCloseTo(0.5 / 0.0307125, within(1e-2));
        assertThat(comparison.describe("backward gives", point.shape()))
                .startsWith("error 16.2")
                .contains("at [1, 1] (backward gives 2.5, finite differences 3.0");
    }

    @Test
    void elementWithinAStepOfAKinkIsExcusedWhenTheGradientLiesBetweenTheOneSidedSlopes() {
        // 0.0004 is within the step 1e-3 of the kink at 0: the central difference is 0.4, the one-sided slopes 1 (above) and -0.2 (below).
        Tensor point = Tensor.vector(0.0004f, 2f);

        GradientCheck.Comparison comparison = GradientCheck.compare(ABS_SUM, point, Tensor.vector(1f, 1f));

        assertThat(comparison.passed()).isTrue();
        assertThat(comparison.kinks()).isEqualTo(1);
    }

    @Test
    void gradientOutsideTheOneSidedSlopesAtAKinkFails() {
        Tensor point = Tensor.vector(0.0004f, 2f);

        GradientCheck.Comparison comparison = GradientCheck.compare(ABS_SUM, point, Tensor.vector(3f, 1f));

        assertThat(comparison.passed()).isFalse();
        assertThat(comparison.worst()).isZero();
    }

    @Test
    void nanGradientFails() {
        Tensor point = Tensor.vector(1f, 2f);

        GradientCheck.Comparison comparison = GradientCheck.compare(HALF_SQUARES, point, Tensor.vector(1f, Float.NaN));

        assertThat(comparison.passed()).isFalse();
        assertThat(comparison.error()).isInfinite();
        assertThat(comparison.worst()).isEqualTo(1);
    }

    @Test
    void flatIndexBecomesAFullIndex() {
        // 17 = 1 × 12 + 1 × 4 + 1 in shape [2, 3, 4]
        assertThat(GradientCheck.index(17, new int[] {2, 3, 4})).isEqualTo("[1, 1, 1]");
    }
}
