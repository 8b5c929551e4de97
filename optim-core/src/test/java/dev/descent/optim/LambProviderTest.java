package dev.descent.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.api.InvalidParameterException;
import dev.descent.api.ParamSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link LambProvider}: optax's parameter names and defaults, and validation. */
class LambProviderTest {
    private final LambProvider lamb = new LambProvider();

    @Test
    void declaresItsParametersDefaultsAndRanges() {
        assertThat(lamb.params()).extracting(ParamSpec::name).containsExactly("lr", "betas", "eps", "weight_decay");
        assertThat(lamb.params()).extracting(ParamSpec::defaultValue)
                .containsExactly(1e-3, List.of(0.9, 0.999), 1e-6, 0.0);
        assertThat(lamb.params()).extracting(ParamSpec::rangeText)
                .containsExactly(">= 0", "in [0, 1)", ">= 0", ">= 0");
    }

    @Test
    void namesItsDefinitionAndWhenToUseIt() {
        assertThat(lamb.description()).contains("You et al. 2020").contains("optax.lamb").doesNotContain("\n");
        assertThat(lamb.whenToUse()).contains("batch");
    }

    @Test
    void isFoundByServiceLoaderAndCreatesTheGivenSettings() {
        assertThat(BuiltIns.optimizer("lamb")).hasToString("lamb(lr=0.001, betas=[0.9, 0.999], eps=1.0E-6, weight_decay=0)");
        assertThat(BuiltIns.optimizer("lamb(lr=0.01, betas=[0.8, 0.99], eps=0.001, weight_decay=0.1)"))
                .hasToString("lamb(lr=0.01, betas=[0.8, 0.99], eps=0.001, weight_decay=0.1)");
    }

    @Test
    void invalidOptionsAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> BuiltIns.params(lamb, "lamb(eps=-1)"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("parameter 'eps' of optimizer 'lamb' must be >= 0, got -1");
        assertThatThrownBy(() -> BuiltIns.params(lamb, "lamb(betas=[1, 0.999])"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("'betas'");
        assertThatThrownBy(() -> BuiltIns.params(lamb, "lamb(weight_decay=-0.1)"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("'weight_decay'");
    }

    @Test
    void theBuilderChecksTooForCallersWithoutASpec() {
        assertThatThrownBy(() -> Lamb.builder().lr(-1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lamb: lr must be >= 0, got '-1'");
    }
}
