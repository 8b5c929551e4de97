package dev.descent.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.Parameter;
import dev.descent.api.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The update rule of {@link Lion} against values worked by hand; trajectories are in the fixtures. */
class LionTest {

    private static Parameter parameter(float... values) {
        return Parameter.of("w", Tensor.vector(values));
    }

    private static void step(Lion lion, Parameter parameter, float... gradient) {
        System.arraycopy(gradient, 0, parameter.gradient().data(), 0, gradient.length);
        lion.step(List.of(parameter));
    }

    @Test
    void everyElementMovesByTheLearningRateAgainstTheSignOfItsGradientOrNotAtAll() {
        Lion lion = Lion.builder().lr(0.1).build();
        Parameter p = parameter(1, 1, 1);

        step(lion, p, 1000, -0.001f, 0);

        assertThat(p.value().data()[0]).isCloseTo(0.9f, within(1e-7f));
        assertThat(p.value().data()[1]).isCloseTo(1.1f, within(1e-7f));
        assertThat(p.value().data()[2]).isEqualTo(1f);
    }

    @Test
    void theSignIsOfTheInterpolationNotOfTheGradient() {
        Lion lion = Lion.builder().lr(0.1).betas(0.5, 0.9).build();
        Parameter p = parameter(0);
        step(lion, p, 10);

        // m = 0.1 * 10 = 1; then c = 0.5 * 1 + 0.5 * -0.5 = 0.25 > 0: p still moves down, by 0.1
        step(lion, p, -0.5f);

        assertThat(p.value().data()[0]).isCloseTo(-0.2f, within(1e-7f));
        // m = 0.9 * 1 + 0.1 * -0.5
        assertThat(lion.state().tensor("exp_avg/w").data()[0]).isCloseTo(0.85f, within(1e-7f));
    }

    @Test
    void weightDecayShrinksTheParameterBeforeTheSignedStep() {
        Lion lion = Lion.builder().lr(0.1).weightDecay(0.5).build();
        Parameter p = parameter(2);

        // 2 * (1 - 0.1 * 0.5) - 0.1
        step(lion, p, 1);

        assertThat(p.value().data()[0]).isCloseTo(1.8f, within(1e-6f));
    }
}
