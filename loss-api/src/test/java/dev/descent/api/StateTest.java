package dev.descent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StateTest {

    @Test
    void putCopiesTheTensor() {
        Tensor buffer = Tensor.vector(1, 2);
        State state = State.builder().put("momentum_buffer/w", buffer).build();

        buffer.fill(0);

        assertThat(state.tensor("momentum_buffer/w").data()).containsExactly(1f, 2f);
    }

    @Test
    void aStateKeepsTheTensorShape() {
        State state = State.builder().put("m", Tensor.zeros(2, 3)).build();

        assertThat(state.tensor("m").shape()).containsExactly(2, 3);
    }

    @Test
    void tensorKeysAreSorted() {
        State state = State.builder()
                .put("v/b", Tensor.zeros(1))
                .put("m/b", Tensor.zeros(1))
                .put("m/a", Tensor.zeros(1))
                .build();

        assertThat(state.tensors().keySet()).containsExactly("m/a", "m/b", "v/b");
    }

    @Test
    void numberKeysAreSorted() {
        State state = State.builder().put("step", 3).put("lr", 0.1).put("initial_lr", 1).build();

        assertThat(state.numbers().keySet()).containsExactly("initial_lr", "lr", "step");
    }

    @Test
    void numberReadsAStoredNumber() {
        assertThat(State.builder().put("step", 3).build().number("step", 0)).isEqualTo(3.0);
    }

    @Test
    void numberFallsBackWhenTheKeyIsAbsent() {
        assertThat(State.builder().put("step", 3).build().number("lr", 0.5)).isEqualTo(0.5);
    }

    @Test
    void anAbsentTensorIsNull() {
        assertThat(State.empty().tensor("m/w")).isNull();
    }

    @Test
    void aLaterPutReplacesAnEarlierOne() {
        State state = State.builder().put("step", 1).put("step", 2).build();

        assertThat(state.number("step", 0)).isEqualTo(2.0);
    }

    @Test
    void theEmptyStateIsEmpty() {
        assertThat(State.empty().isEmpty()).isTrue();
        assertThat(State.builder().build().isEmpty()).isTrue();
    }

    @Test
    void aStateWithOnlyANumberIsNotEmpty() {
        assertThat(State.builder().put("step", 0).build().isEmpty()).isFalse();
    }

    @Test
    void aStateWithOnlyATensorIsNotEmpty() {
        assertThat(State.builder().put("m", Tensor.zeros(1)).build().isEmpty()).isFalse();
    }

    @Test
    void theMapsAreUnmodifiable() {
        State state = State.builder().put("step", 1).put("m", Tensor.zeros(1)).build();

        assertThatThrownBy(() -> state.numbers().put("lr", 1.0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> state.tensors().remove("m")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aBuiltStateDoesNotSeeLaterPuts() {
        State.Builder builder = State.builder().put("step", 1);
        State state = builder.build();

        builder.put("step", 2).put("lr", 0.1).put("m", Tensor.zeros(1));

        assertThat(state.numbers()).containsOnlyKeys("step").containsEntry("step", 1.0);
        assertThat(state.tensors()).isEmpty();
    }

    @Test
    void aKeyIsRequired() {
        assertThatThrownBy(() -> State.builder().put(null, 1))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("key is null");
    }

    @Test
    void toStringShowsNumbersAndTensorKeys() {
        State state = State.builder().put("step", 2).put("m/w", Tensor.zeros(2)).build();

        assertThat(state).hasToString("State{step=2.0} tensors=[m/w]");
    }

    @Test
    void aNestedStateIsReadBackUnderItsPrefix() {
        State inner = State.builder().put("step", 3).put("exp_avg/0.weight", Tensor.vector(1, 2)).build();
        State outer = State.builder().put("step", 7).putAll("inner", inner).build();

        assertThat(outer.numbers()).containsOnlyKeys("step", "inner/step");
        assertThat(outer.under("inner").numbers()).containsExactly(org.assertj.core.api.Assertions.entry("step", 3.0));
        assertThat(outer.under("inner").tensor("exp_avg/0.weight").data()).containsExactly(1f, 2f);
        assertThat(outer.without(java.util.List.of("inner")).numbers()).containsOnlyKeys("step");
        assertThat(outer.without(java.util.List.of("inner")).tensors()).isEmpty();
    }

    @Test
    void aPrefixIsOnlyMatchedWhole() {
        State state = State.builder().put("inner/step", 1).put("innermost/step", 2).build();

        assertThat(state.under("inner").numbers()).containsOnlyKeys("step");
        assertThat(state.under("inner").number("step", -1)).isEqualTo(1);
    }

    @Test
    void aPrefixHasNoSlash() {
        assertThatThrownBy(() -> State.builder().putAll("a/b", State.empty()))
                .hasMessage("a state prefix must be non-empty and without '/', got 'a/b'");
    }
}
