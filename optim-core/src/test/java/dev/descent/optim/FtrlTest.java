package dev.descent.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.Parameter;
import dev.descent.api.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The update rule of {@link Ftrl} against values worked by hand; the trajectories are in the fixtures. */
class FtrlTest {

    private static void step(Ftrl ftrl, Parameter parameter, float... gradient) {
        System.arraycopy(gradient, 0, parameter.gradient().data(), 0, gradient.length);
        ftrl.step(List.of(parameter));
    }

    private static Ftrl.Builder fromZero() {
        return Ftrl.builder().lr(1).initialAccumulatorValue(0);
    }

    @Test
    void withoutRegularizationTheFirstStepIsMinusLrTimesGOverSqrtN() {
        Ftrl ftrl = fromZero().build();
        Parameter p = Parameter.of("w", Tensor.vector(0, 0));

        // n = 4, sigma = (2 - 0) / 1 = 2, z = 2, quadratic = 2: p = -2 / 2; and n = 1, z = -1, p = 1 / 1
        step(ftrl, p, 2, -1);

        assertThat(p.value().data()).containsExactly(-1f, 1f);
        assertThat(ftrl.state().tensor("accumulator/w").data()).containsExactly(4f, 1f);
        assertThat(ftrl.state().tensor("linear/w").data()).containsExactly(2f, -1f);
    }

    @Test
    void theSecondStepSubtractsSigmaTimesTheParameterFromTheLinearTerm() {
        Ftrl ftrl = fromZero().build();
        Parameter p = Parameter.of("w", Tensor.vector(0));
        step(ftrl, p, 3);

        // p = -1; n = 9 + 16 = 25, sigma = (5 - 3) / 1 = 2, z = 3 + 4 - 2 * -1 = 9, p = -9 / 5
        step(ftrl, p, 4);

        assertThat(p.value().data()[0]).isCloseTo(-1.8f, within(1e-6f));
    }

    @Test
    void anElementWhoseLinearTermStaysWithinL1IsExactlyZero() {
        Ftrl ftrl = fromZero().l1(2.5).build();
        Parameter p = Parameter.of("w", Tensor.vector(7, 7));

        // z = 2 - 2 * 7 = -12 beyond l1: p = (-2.5 + 12) / 2; z = 1 - 1 * 7 = -6: p = (-2.5 + 6) / 1
        step(ftrl, p, 2, 1);
        assertThat(p.value().data()[0]).isCloseTo(4.75f, within(1e-6f));
        assertThat(p.value().data()[1]).isCloseTo(3.5f, within(1e-6f));

        Parameter q = Parameter.of("v", Tensor.vector(0));
        fromZero().l1(2.5).build().step(List.of(withGradient(q, 2)));
        // z = 2 within l1
        assertThat(q.value().data()).containsExactly(0f);
    }

    @Test
    void theAccumulatorStartsAtItsInitialValueAndL2AndBetaJoinTheQuadratic() {
        Ftrl ftrl = Ftrl.builder().lr(0.5).initialAccumulatorValue(5).l2(0.25).beta(1).build();
        Parameter p = Parameter.of("w", Tensor.vector(0));

        // n = 5 + 4 = 9, z = 2, quadratic = 3 / 0.5 + 2 * (0.25 + 1 / (2 * 0.5)) = 6 + 2.5: p = -2 / 8.5
        step(ftrl, p, 2);

        assertThat(p.value().data()[0]).isCloseTo(-2f / 8.5f, within(1e-6f));
    }

    private static Parameter withGradient(Parameter parameter, float gradient) {
        parameter.gradient().data()[0] = gradient;
        return parameter;
    }
}
