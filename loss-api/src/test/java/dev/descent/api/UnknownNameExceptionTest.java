package dev.descent.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnknownNameExceptionTest {

    private static final List<String> LOSSES = List.of("mse", "mae", "huber");

    @Test
    void aNearNameIsSuggested() {
        assertThat(new UnknownNameException("loss", "mse2", LOSSES))
                .hasMessage("unknown loss 'mse2'; did you mean 'mse'?");
    }

    @Test
    void withoutANearNameTheKnownNamesAreListedSorted() {
        assertThat(new UnknownNameException("loss", "xyz", LOSSES))
                .hasMessage("unknown loss 'xyz'; known loss names: huber, mae, mse");
    }

    @Test
    void severalNearNamesAreSuggested() {
        assertThat(new UnknownNameException("optimizer", "adamx", List.of("adam", "adamw", "sgd", "adamax")))
                .hasMessage("unknown optimizer 'adamx'; did you mean 'adam', 'adamax' or 'adamw'?");
    }

    @Test
    void theSuggestionsAreKept() {
        assertThat(new UnknownNameException("loss", "mse2", LOSSES).suggestions()).containsExactly("mse");
    }

    @Test
    void noSuggestionsLeaveAnEmptyList() {
        assertThat(new UnknownNameException("loss", "xyz", LOSSES).suggestions()).isEmpty();
    }

    @Test
    void theKindAndNameAreKept() {
        UnknownNameException failure = new UnknownNameException("layer", "lineer", List.of("linear"));

        assertThat(failure.kind()).isEqualTo("layer");
        assertThat(failure.name()).isEqualTo("lineer");
    }

    @Test
    void anUnknownNameIsAnIllegalArgument() {
        assertThat(new UnknownNameException("loss", "x", LOSSES)).isInstanceOf(IllegalArgumentException.class);
    }
}
