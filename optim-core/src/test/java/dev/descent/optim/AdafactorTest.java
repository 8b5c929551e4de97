package dev.descent.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.Parameter;
import dev.descent.api.State;
import dev.descent.api.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Adafactor} against values worked by hand: the factored state, its estimate, the relative step and
 * the clipping. On the first step the running averages are the squared gradient itself ({@code t^-0.8 = 1}).
 */
class AdafactorTest {

    private static Parameter parameter(float[] values, int... shape) {
        return Parameter.of("w", Tensor.of(values, shape));
    }

    private static void step(Adafactor adafactor, Parameter parameter, float... gradient) {
        System.arraycopy(gradient, 0, parameter.gradient().data(), 0, gradient.length);
        adafactor.step(List.of(parameter));
    }

    @Test
    void theFirstStepOfAVectorIsTheRelativeStepAgainstTheSignOfTheGradient() {
        Adafactor adafactor = Adafactor.builder().build();
        Parameter p = parameter(new float[] {3, 4}, 2);

        // V = g^2, U = sign(g), RMS(U) = 1; alpha = RMS(p) * min(0.01, 1) = sqrt(12.5) * 0.01
        step(adafactor, p, 1, -7);

        float alpha = (float) (Math.sqrt(12.5) * 0.01);
        assertThat(p.value().data()[0]).isCloseTo(3 - alpha, within(1e-6f));
        assertThat(p.value().data()[1]).isCloseTo(4 + alpha, within(1e-6f));
        assertThat(adafactor.state().tensor("variance/w").data()).containsExactly(1f, 49f);
    }

    @Test
    void aMatrixKeepsTheMeansOfItsSquaredGradientsRowsAndColumns() {
        Adafactor adafactor = Adafactor.builder().build();
        Parameter p = parameter(new float[] {1, 1, 1, 1, 1, 1}, 2, 3);

        step(adafactor, p, 1, 2, 3, 4, 5, 6);

        State state = adafactor.state();
        assertThat(state.tensors()).containsOnlyKeys("row_var/w", "col_var/w");
        // rows (1 + 4 + 9) / 3 and (16 + 25 + 36) / 3; columns (1 + 16) / 2, (4 + 25) / 2, (9 + 36) / 2
        assertThat(state.tensor("row_var/w").shape()).containsExactly(2, 1);
        assertThat(state.tensor("row_var/w").data()[0]).isCloseTo(14f / 3, within(1e-6f));
        assertThat(state.tensor("row_var/w").data()[1]).isCloseTo(77f / 3, within(1e-5f));
        assertThat(state.tensor("col_var/w").shape()).containsExactly(1, 3);
        assertThat(state.tensor("col_var/w").data()).containsExactly(8.5f, 14.5f, 22.5f);
    }

    @Test
    void theFactoredEstimateOfARankOneSquaredGradientIsExact() {
        Adafactor adafactor = Adafactor.builder().build();
        Parameter p = parameter(new float[] {1, 1, 1, 1}, 2, 2);

        // g = (1, 2)^T (1, 2): R = C = (2.5, 10), mean(R) = 6.25, R_i C_j / 6.25 = g_ij^2, so U = 1 everywhere;
        // alpha = RMS(p) * 0.01
        step(adafactor, p, 1, 2, 2, 4);

        assertThat(p.value().data()).containsExactly(0.99f, 0.99f, 0.99f, 0.99f);
    }

    @Test
    void anUpdateWhoseRmsExceedsDIsScaledDownToD() {
        Adafactor clipped = Adafactor.builder().lr(0.1).build();
        Adafactor loose = Adafactor.builder().lr(0.1).d(2).build();
        Parameter p = parameter(new float[] {2}, 1);
        Parameter q = parameter(new float[] {2}, 1);
        // step 1: alpha = 2 * 0.1, U = 1: p = 1.8
        step(clipped, p, 1);
        step(loose, q, 1);

        // step 2: w = 2^-0.8; V = 1 + w * (100 - 1); U = 10 / sqrt(V) > 1; alpha = 1.8 * min(0.1, 1 / sqrt(2))
        step(clipped, p, 10);
        step(loose, q, 10);

        double u = 10 / Math.sqrt(1 + Math.pow(2, -0.8) * 99);
        assertThat(u).isBetween(1.0, 2.0);
        assertThat(p.value().data()[0]).isCloseTo(1.8f - 0.18f, within(1e-6f));
        assertThat(q.value().data()[0]).isCloseTo((float) (1.8 - 0.18 * u), within(1e-6f));
    }

    @Test
    void weightDecayShrinksByLrTimesDecayAfterTheStepSizeIsTaken() {
        Adafactor adafactor = Adafactor.builder().lr(0.1).weightDecay(0.5).build();
        Parameter p = parameter(new float[] {2}, 1);

        // alpha = 2 * 0.1 from p before the decay; p = 2 * (1 - 0.05) - 0.2
        step(adafactor, p, 3);

        assertThat(p.value().data()[0]).isCloseTo(1.7f, within(1e-6f));
    }

    @Test
    void aParameterOfRankThreeIsFactoredPerMatrixOverItsLastTwoDimensions() {
        Adafactor adafactor = Adafactor.builder().build();
        Parameter p = parameter(new float[] {1, 1, 1, 1, 1, 1, 1, 1}, 2, 2, 2);

        // two rank-one gradients, each with an exact estimate (see above): U = 1 everywhere
        step(adafactor, p, 1, 2, 2, 4, 3, 1, 3, 1);

        assertThat(p.value().data()).containsOnly(new float[] {0.99f}, within(1e-7f));
        assertThat(adafactor.state().tensor("row_var/w").shape()).containsExactly(2, 2, 1);
        assertThat(adafactor.state().tensor("col_var/w").shape()).containsExactly(2, 1, 2);
        // the second matrix's columns: (9 + 9) / 2 and (1 + 1) / 2, through a rounded norm
        assertThat(adafactor.state().tensor("col_var/w").data())
                .containsExactly(new float[] {2.5f, 10f, 9f, 1f}, within(1e-6f));
    }

    @Test
    void aRowFactorWithoutItsColumnFactorIsRefused() {
        State state = State.builder().put("row_var/w", Tensor.zeros(2, 1)).build();

        assertThatThrownBy(() -> Adafactor.builder().build().loadState(state))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'row_var/w'")
                .hasMessageContaining("'col_var/w'");
    }

    @Test
    void anotherOptimizersStateIsRefusedNamingTheEntryAndWhatAdafactorKeeps() {
        State state = State.builder().put("exp_avg/w", Tensor.zeros(2)).build();

        assertThatThrownBy(() -> Adafactor.builder().build().loadState(state))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'exp_avg/w'")
                .hasMessageContaining("row_var/<parameter name>");
    }

    @Test
    void aVectorsStateGivenToAMatrixIsRefusedAtTheNextStep() {
        Adafactor adafactor = Adafactor.builder().build();
        adafactor.loadState(State.builder().put("variance/w", Tensor.zeros(4)).build());
        Parameter p = parameter(new float[] {1, 1, 1, 1}, 2, 2);

        assertThatThrownBy(() -> step(adafactor, p, 1, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'row_var/w' of shape [2, 1]")
                .hasMessageContaining("has none");
        assertThat(p.value().data()).containsOnly(1f);
    }
}
