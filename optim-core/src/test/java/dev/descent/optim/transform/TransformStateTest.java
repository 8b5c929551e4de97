package dev.descent.optim.transform;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.api.State;
import dev.descent.api.Tensor;
import dev.descent.optim.BuiltIns;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Beyond the testkit's contract: a transform refuses another component's state, naming the entry. */
class TransformStateTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "accumulate(steps=1)",
        "accumulate(steps=4)",
        "add_noise",
        "add_noise(eta=1.0, gamma=0.3, seed=42)",
        "ema",
        "ema(decay=0.5)",
        "clip_grad_value(clip_value=1.0)",
        "clip_grad_norm(max_norm=1.0)",
        "clip_grad_norm(max_norm=2.0, norm_type=inf)",
        "clip_grad_norm(max_norm=0.5, norm_type=1.5)"})
    void anotherComponentsStateIsRefused(String spec) {
        State foreign = State.builder().put("momentum_buffer/weight", Tensor.vector(1f)).build();

        assertThatThrownBy(() -> BuiltIns.transform(spec).loadState(foreign))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("momentum_buffer/weight");
    }
}
