package dev.descent.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.Parameter;
import dev.descent.api.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The trust ratio of {@link Lamb} against values worked by hand. On the first step Adam's direction is
 * {@code g / (|g| + eps)}, about {@code sign(g)}; the trajectories are in the fixtures.
 */
class LambTest {

    private static void step(Lamb lamb, Parameter parameter, float... gradient) {
        System.arraycopy(gradient, 0, parameter.gradient().data(), 0, gradient.length);
        lamb.step(List.of(parameter));
    }

    @Test
    void theStepOfEachParameterIsScaledToItsNorm() {
        Lamb lamb = Lamb.builder().lr(0.1).build();
        Parameter big = Parameter.of("big", Tensor.vector(3, 4));
        Parameter small = Parameter.of("small", Tensor.vector(0.3f, 0.4f));
        big.gradient().data()[0] = 1;
        big.gradient().data()[1] = 1;
        small.gradient().data()[0] = 1;
        small.gradient().data()[1] = 1;

        lamb.step(List.of(big, small));

        // u = (1, 1), ||u|| = sqrt(2); p - lr * ||p|| / sqrt(2) * u: steps of 0.5 / sqrt(2) and 0.05 / sqrt(2)
        float bigStep = (float) (0.5 / Math.sqrt(2));
        assertThat(big.value().data()[0]).isCloseTo(3 - bigStep, within(1e-5f));
        assertThat(big.value().data()[1]).isCloseTo(4 - bigStep, within(1e-5f));
        assertThat(small.value().data()[0]).isCloseTo(0.3f - bigStep / 10, within(1e-6f));
        assertThat(small.value().data()[1]).isCloseTo(0.4f - bigStep / 10, within(1e-6f));
    }

    @Test
    void aZeroParameterTakesAdamsStepUnscaled() {
        Lamb lamb = Lamb.builder().lr(0.1).build();
        Parameter p = Parameter.of("w", Tensor.vector(0, 0));

        // ||p|| = 0: ratio 1, p - lr * sign(g)
        step(lamb, p, 2, -0.5f);

        assertThat(p.value().data()[0]).isCloseTo(-0.1f, within(1e-6f));
        assertThat(p.value().data()[1]).isCloseTo(0.1f, within(1e-6f));
    }

    @Test
    void aZeroGradientLeavesTheParameterWhereItIs() {
        Lamb lamb = Lamb.builder().lr(0.1).build();
        Parameter p = Parameter.of("w", Tensor.vector(3, 4));

        // u = 0: ratio 1 rather than 5 / 0
        step(lamb, p, 0, 0);

        assertThat(p.value().data()).containsExactly(3f, 4f);
    }

    @Test
    void weightDecayJoinsTheDirectionBeforeTheRatio() {
        Lamb lamb = Lamb.builder().lr(0.1).weightDecay(1).build();
        Parameter p = Parameter.of("w", Tensor.vector(3, 4));

        // u = (1, 1) + (3, 4) = (4, 5); ratio 5 / sqrt(41); p - 0.1 * 5 / sqrt(41) * (4, 5)
        step(lamb, p, 1, 1);

        double scale = 0.5 / Math.sqrt(41);
        assertThat(p.value().data()[0]).isCloseTo((float) (3 - 4 * scale), within(1e-5f));
        assertThat(p.value().data()[1]).isCloseTo((float) (4 - 5 * scale), within(1e-5f));
    }
}
