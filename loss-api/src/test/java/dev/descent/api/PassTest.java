package dev.descent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PassTest {

    @Test
    void trainingPassCarriesItsRandomSource() {
        SplittableRandom random = new SplittableRandom(1);

        Pass pass = Pass.training(random);

        assertThat(pass.training()).isTrue();
        assertThat(pass.random()).isSameAs(random);
    }

    @Test
    void inferencePassDrawsNoRandomNumbers() {
        assertThat(Pass.INFERENCE.training()).isFalse();
        assertThatThrownBy(Pass.INFERENCE::random)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("an inference pass has no random source: a layer must draw random numbers only in"
                        + " training");
    }
}
