package dev.descent.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.descent.api.Parameter;
import dev.descent.api.State;
import dev.descent.api.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Lookahead} around plain SGD with lr 1, whose steps are the gradients, worked by hand. */
class LookaheadTest {

    private static Lookahead aroundSgd(int k, double alpha) {
        return new Lookahead(Sgd.builder().lr(1).build(), k, alpha);
    }

    private static void step(Lookahead lookahead, Parameter parameter, float gradient) {
        parameter.gradient().data()[0] = gradient;
        lookahead.step(List.of(parameter));
    }

    @Test
    void everyKStepsTheParameterGoesBackAlphaOfTheWayFromTheSlowWeights() {
        Lookahead lookahead = aroundSgd(2, 0.5);
        Parameter p = Parameter.of("w", Tensor.vector(0));

        step(lookahead, p, 1);
        assertThat(p.value().data()).containsExactly(-1f);
        // fast -3 after two steps; slow 0 + 0.5 * (-3 - 0)
        step(lookahead, p, 2);
        assertThat(p.value().data()).containsExactly(-1.5f);
        // the next cycle starts from -1.5: fast -2.5, then -6.5; slow -1.5 + 0.5 * (-6.5 + 1.5)
        step(lookahead, p, 1);
        step(lookahead, p, 4);
        assertThat(p.value().data()).containsExactly(-4f);
    }

    @Test
    void stateNestsTheInnerOptimizersUnderInner() {
        Lookahead lookahead = new Lookahead(Sgd.builder().lr(1).momentum(0.5).build(), 2, 0.5);
        Parameter p = Parameter.of("w", Tensor.vector(3));
        step(lookahead, p, 1);

        State state = lookahead.state();

        assertThat(state.numbers()).containsExactly(entry("inner/lr", 1.0), entry("step", 1.0));
        assertThat(state.tensors()).containsOnlyKeys("inner/momentum_buffer/w", "slow/w");
        assertThat(state.tensor("slow/w").data()).containsExactly(3f);
        assertThat(state.tensor("inner/momentum_buffer/w").data()).containsExactly(1f);
    }

    @Test
    void theLearningRateIsTheInnerOptimizers() {
        Lookahead lookahead = aroundSgd(5, 0.5);

        lookahead.setLearningRate(0.25);

        assertThat(lookahead.inner().learningRate()).isEqualTo(0.25);
        assertThat(lookahead.learningRate()).isEqualTo(0.25);
    }

    @Test
    void anEntryOfNeitherLookaheadNorItsInnerOptimizerIsRefused() {
        State foreign = State.builder().put("exp_avg/w", Tensor.zeros(1)).build();
        State innerForeign = State.builder().put("inner/exp_avg/w", Tensor.zeros(1)).build();

        assertThatThrownBy(() -> aroundSgd(5, 0.5).loadState(foreign))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'exp_avg/w'")
                .hasMessageContaining("slow/<parameter name>");
        assertThatThrownBy(() -> aroundSgd(5, 0.5).loadState(innerForeign))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sgd state has an unknown entry 'exp_avg/w'");
    }
}
