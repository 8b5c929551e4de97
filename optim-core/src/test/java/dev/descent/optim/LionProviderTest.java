package dev.descent.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.api.InvalidParameterException;
import dev.descent.api.ParamSpec;
import org.junit.jupiter.api.Test;

/** {@link LionProvider}: optax's parameter names, lion-pytorch's defaults, and validation. */
class LionProviderTest {
    private final LionProvider lion = new LionProvider();

    @Test
    void declaresItsParametersDefaultsAndRanges() {
        assertThat(lion.params()).extracting(ParamSpec::name).containsExactly("lr", "betas", "weight_decay");
        assertThat(lion.params()).extracting(ParamSpec::defaultValue)
                .containsExactly(1e-4, java.util.List.of(0.9, 0.99), 0.0);
        assertThat(lion.params()).extracting(ParamSpec::rangeText).containsExactly(">= 0", "in [0, 1)", ">= 0");
    }

    @Test
    void namesItsDefinitionAndWhenToUseIt() {
        assertThat(lion.description()).contains("Chen et al. 2023").contains("optax.lion").doesNotContain("\n");
        assertThat(lion.whenToUse()).contains("AdamW");
    }

    @Test
    void isFoundByServiceLoaderAndCreatesTheGivenSettings() {
        assertThat(BuiltIns.optimizer("lion")).hasToString("lion(lr=1.0E-4, betas=[0.9, 0.99], weight_decay=0)");
        assertThat(BuiltIns.optimizer("lion(lr=0.01, betas=[0.5, 0.9], weight_decay=0.1)"))
                .hasToString("lion(lr=0.01, betas=[0.5, 0.9], weight_decay=0.1)");
    }

    @Test
    void invalidOptionsAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> BuiltIns.params(lion, "lion(lr=-1)"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("parameter 'lr' of optimizer 'lion' must be >= 0, got -1");
        assertThatThrownBy(() -> BuiltIns.params(lion, "lion(betas=[0.9, 1])"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("'betas'");
        assertThatThrownBy(() -> BuiltIns.params(lion, "lion(weight_decay=-0.1)"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("'weight_decay'");
    }

    @Test
    void theBuilderChecksTooForCallersWithoutASpec() {
        assertThatThrownBy(() -> Lion.builder().betas(1, 0.99).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lion: betas[0] must be in [0, 1), got '1'");
    }
}
