package dev.descent.optim.transform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.Parameter;
import dev.descent.api.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** add_noise: deterministic, a pure function of (seed, step, name, element), with optax's variance schedule. */
class AddNoiseTest {
    private static final int ELEMENTS = 200_000;

    private static float[] noise(AddNoise transform, String name, int size) {
        Parameter parameter = Parameter.of(name, Tensor.zeros(size));
        transform.beforeStep(List.of(parameter));
        return parameter.gradient().data();
    }

    @Test
    void theSameSeedGivesTheSameNoiseAndAnotherSeedOther() {
        assertThat(noise(new AddNoise(0.1, 0.55, 7), "w", 10)).containsExactly(noise(new AddNoise(0.1, 0.55, 7), "w", 10));
        assertThat(noise(new AddNoise(0.1, 0.55, 7), "w", 10)).isNotEqualTo(noise(new AddNoise(0.1, 0.55, 8), "w", 10));
    }

    @Test
    void eachParameterHasItsOwnNoiseWhateverTheOthers() {
        AddNoise alone = new AddNoise(0.1, 0.55, 7);
        Parameter b = Parameter.of("b", Tensor.zeros(5));
        alone.beforeStep(List.of(b));
        AddNoise withAnother = new AddNoise(0.1, 0.55, 7);
        Parameter a = Parameter.of("a", Tensor.zeros(5));
        Parameter b2 = Parameter.of("b", Tensor.zeros(5));
        withAnother.beforeStep(List.of(a, b2));

        assertThat(b2.gradient().data()).containsExactly(b.gradient().data());
        assertThat(a.gradient().data()).isNotEqualTo(b.gradient().data());
    }

    @Test
    void resumingFromTheStepCountGivesTheSameNoise() {
        AddNoise straight = new AddNoise(0.1, 0.55, 7);
        noise(straight, "w", 4);
        noise(straight, "w", 4);
        float[] third = noise(straight, "w", 4);

        AddNoise before = new AddNoise(0.1, 0.55, 7);
        noise(before, "w", 4);
        noise(before, "w", 4);
        AddNoise after = new AddNoise(0.1, 0.55, 7);
        after.loadState(before.state());

        assertThat(before.state().numbers()).containsEntry("step", 2.0);
        assertThat(noise(after, "w", 4)).containsExactly(third);
    }

    @Test
    void theNoiseHasMeanZeroAndVarianceEtaOverOnePlusTToTheGamma() {
        double eta = 0.5;
        double gamma = 0.55;
        AddNoise transform = new AddNoise(eta, gamma, 11);
        for (int t = 0; t < 4; t++) {
            float[] sample = noise(transform, "w", ELEMENTS);
            double variance = eta / Math.pow(1 + t, gamma);
            double mean = 0;
            for (float x : sample) {
                mean += x;
            }
            mean /= ELEMENTS;
            double squares = 0;
            for (float x : sample) {
                squares += (x - mean) * (x - mean);
            }
            double sampleVariance = squares / (ELEMENTS - 1);

            // Five standard errors: the mean's is sqrt(v / n), the variance's sqrt(2 / n) v for a normal sample.
            assertThat(Math.abs(mean)).as("mean at step %d", t).isLessThan(5 * Math.sqrt(variance / ELEMENTS));
            assertThat(Math.abs(sampleVariance - variance)).as("variance at step %d, expected %s", t, variance)
                    .isLessThan(5 * Math.sqrt(2.0 / ELEMENTS) * variance);
        }
    }
}
