package dev.descent.optim.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.api.Parameter;
import dev.descent.api.State;
import dev.descent.api.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each transform's rule on small hand-worked cases. */
class TransformBehaviourTest {

    private static Parameter withGradient(String name, float... gradient) {
        Parameter parameter = Parameter.of(name, Tensor.zeros(gradient.length));
        System.arraycopy(gradient, 0, parameter.gradient().data(), 0, gradient.length);
        return parameter;
    }

    @Test
    void clipGradNormScalesAllGradientsByOneCoefficient() {
        Parameter a = withGradient("a", 3f);
        Parameter b = withGradient("b", 0f, 4f);
        ClipGradNorm clip = new ClipGradNorm(1);

        assertThat(clip.beforeStep(List.of(a, b))).isTrue();

        // total norm 5, coefficient 1 / (5 + 1e-6) in float
        float coefficient = 1f / (5f + 1e-6f);
        assertThat(clip.lastTotalNorm()).isEqualTo(5f);
        assertThat(a.gradient().data()).containsExactly(3f * coefficient);
        assertThat(b.gradient().data()).containsExactly(0f, 4f * coefficient);
    }

    @Test
    void clipGradNormLeavesGradientsBelowMaxNormAlone() {
        Parameter a = withGradient("a", 0.3f, -0.4f);

        new ClipGradNorm(1).beforeStep(List.of(a));

        assertThat(a.gradient().data()).containsExactly(0.3f, -0.4f);
    }

    @Test
    void clipGradNormFailsOnANonFiniteNormOnlyWhenAsked() {
        Parameter a = withGradient("a", Float.NaN, 1f);

        assertThatThrownBy(() -> new ClipGradNorm(1, 2, true).beforeStep(List.of(a)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("total norm of order 2 of the gradients is NaN")
                .hasMessageContaining("error_if_nonfinite=false");
        assertThat(new ClipGradNorm(1, 2, false).beforeStep(List.of(a))).isTrue();
    }

    @Test
    void clipGradNormOfNoParametersIsZero() {
        assertThat(ClipGradNorm.totalNorm(List.of(), 2)).isZero();
    }

    @Test
    void clipGradValueClampsEachElement() {
        Parameter a = withGradient("a", -3f, -0.5f, 0.5f, 3f);

        new ClipGradValue(1).beforeStep(List.of(a));

        assertThat(a.gradient().data()).containsExactly(-1f, -0.5f, 0.5f, 1f);
    }

    @Test
    void accumulateHoldsBackThenWritesTheMean() {
        Accumulate accumulate = new Accumulate(3);
        Parameter a = withGradient("a", 3f);

        assertThat(accumulate.beforeStep(List.of(a))).isFalse();
        a.gradient().data()[0] = 6f;
        assertThat(accumulate.beforeStep(List.of(a))).isFalse();
        assertThat(accumulate.state().tensor("sum/a").data()).containsExactly(9f);
        assertThat(accumulate.state().number("count", -1)).isEqualTo(2);
        a.gradient().data()[0] = 12f;
        assertThat(accumulate.beforeStep(List.of(a))).isTrue();

        assertThat(a.gradient().data()).containsExactly(7f); // (3 + 6 + 12) / 3
        assertThat(accumulate.count()).isZero();
        assertThat(accumulate.state().tensors()).isEmpty();
    }

    @Test
    void accumulateRefusesACountItCouldNotHaveReached() {
        State state = State.builder().put("count", 3).build();

        assertThatThrownBy(() -> new Accumulate(3).loadState(state))
                .hasMessageContaining("state 'count' is 3, but steps is 3");
    }

    @Test
    void emaStartsAtTheParameterThenAverages() {
        Ema ema = new Ema(0.5);
        Parameter a = Parameter.of("a", Tensor.vector(2f));

        ema.afterStep(List.of(a));
        a.value().data()[0] = 4f;
        ema.afterStep(List.of(a));

        assertThat(ema.averages().get("a").data()).containsExactly(3f);
        assertThat(ema.state().tensors().keySet()).containsExactly("ema/a");
        assertThat(a.gradient().data()).containsExactly(0f);
    }

    @Test
    void emaCopiesItsAveragesIntoTheModel() {
        Ema ema = new Ema(0.5);
        Parameter a = Parameter.of("a", Tensor.vector(2f));
        ema.afterStep(List.of(a));
        a.value().data()[0] = 4f;
        ema.afterStep(List.of(a));

        ema.copyAveragesTo(List.of(a));

        assertThat(a.value().data()).containsExactly(3f);
    }

    @Test
    void emaHasNoAverageBeforeTheFirstStep() {
        assertThatThrownBy(() -> new Ema(0.9).copyAveragesTo(List.of(Parameter.of("a", Tensor.vector(1f)))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no average of 'a' yet");
    }
}
