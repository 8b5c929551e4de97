package dev.descent.optim.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.api.InvalidParameterException;
import dev.descent.optim.BuiltIns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Invalid options of each transform are refused, naming the parameter, by the spec and by the Java API. */
class TransformOptionsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "clip_grad_norm                         | max_norm   | parameter 'max_norm' of transform 'clip_grad_norm' is required",
        "clip_grad_norm(max_norm=-1)            | max_norm   | parameter 'max_norm' of transform 'clip_grad_norm' must be >= 0, got -1",
        "clip_grad_norm(max_norm=1, norm_type=0)| norm_type  | parameter 'norm_type' of transform 'clip_grad_norm' must be > 0, got 0",
        "clip_grad_value                        | clip_value | parameter 'clip_value' of transform 'clip_grad_value' is required",
        "clip_grad_value(clip_value=-0.5)       | clip_value | parameter 'clip_value' of transform 'clip_grad_value' must be >= 0, got -0.5",
        "add_noise(eta=-1)                      | eta        | parameter 'eta' of transform 'add_noise' must be >= 0, got -1",
        "add_noise(gamma=-0.1)                  | gamma      | parameter 'gamma' of transform 'add_noise' must be >= 0, got -0.1",
        "add_noise(seed=0.5)                    | seed       | parameter 'seed' of transform 'add_noise' must be an integer, got 0.5",
        "accumulate                             | steps      | parameter 'steps' of transform 'accumulate' is required",
        "accumulate(steps=0)                    | steps      | parameter 'steps' of transform 'accumulate' must be >= 1, got 0",
        "ema(decay=1.5)                         | decay      | parameter 'decay' of transform 'ema' must be in [0, 1], got 1.5",
        "ema(rate=0.9)                          | rate       | unknown parameter 'rate' for transform 'ema'"})
    void specsWithInvalidOptionsAreRefusedNamingTheParameter(String spec, String parameter, String message) {
        assertThatThrownBy(() -> BuiltIns.transform(spec))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith(message)
                .satisfies(e -> assertThat(((InvalidParameterException) e).parameter()).isEqualTo(parameter));
    }

    @Test
    void theJavaApiRefusesWhatTheSpecsRefuse() {
        assertThatThrownBy(() -> new ClipGradNorm(-1)).hasMessage("clip_grad_norm: max_norm must be >= 0, got '-1'");
        assertThatThrownBy(() -> new ClipGradNorm(1, 0, false))
                .hasMessage("clip_grad_norm: norm_type must be > 0 (or inf), got '0'");
        assertThatThrownBy(() -> new ClipGradNorm(1, Double.NaN, false)).hasMessageContaining("norm_type");
        assertThatThrownBy(() -> new ClipGradValue(-0.5))
                .hasMessage("clip_grad_value: clip_value must be >= 0, got '-0.5'");
        assertThatThrownBy(() -> new AddNoise(-1, 0.55, 0)).hasMessage("add_noise: eta must be >= 0, got '-1'");
        assertThatThrownBy(() -> new AddNoise(0.01, Double.NaN, 0)).hasMessageContaining("gamma must be >= 0");
        assertThatThrownBy(() -> new Accumulate(0)).hasMessage("accumulate: steps must be >= 1, got '0'");
        assertThatThrownBy(() -> new Ema(1.5)).hasMessage("ema: decay must be <= 1, got '1.5'");
        assertThatThrownBy(() -> new Ema(-0.1)).hasMessage("ema: decay must be >= 0, got '-0.1'");
    }

    @Test
    void eachTransformWritesItselfAsASpec() {
        assertThat(BuiltIns.transform("clip_grad_norm(max_norm=1)"))
                .hasToString("clip_grad_norm(max_norm=1, norm_type=2, error_if_nonfinite=false)");
        assertThat(BuiltIns.transform("clip_grad_norm(max_norm=1, norm_type=inf)"))
                .hasToString("clip_grad_norm(max_norm=1, norm_type=inf, error_if_nonfinite=false)");
        assertThat(BuiltIns.transform("clip_grad_value(clip_value=0.5)")).hasToString("clip_grad_value(clip_value=0.5)");
        assertThat(BuiltIns.transform("add_noise")).hasToString("add_noise(eta=0.01, gamma=0.55, seed=0)");
        assertThat(BuiltIns.transform("accumulate(steps=4)")).hasToString("accumulate(steps=4)");
        assertThat(BuiltIns.transform("ema")).hasToString("ema(decay=0.999)");
    }
}
