package dev.descent.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.api.InvalidParameterException;
import dev.descent.api.ParamSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link AdafactorProvider}: PyTorch 2.5's names, defaults and ranges, and validation. */
class AdafactorProviderTest {
    private final AdafactorProvider adafactor = new AdafactorProvider();

    @Test
    void declaresPyTorchsParametersDefaultsAndRanges() {
        assertThat(adafactor.params()).extracting(ParamSpec::name)
                .containsExactly("lr", "beta2_decay", "eps", "d", "weight_decay", "maximize");
        // eps1 None in PyTorch: float32's machine epsilon, 2^-23
        assertThat(adafactor.params()).extracting(ParamSpec::defaultValue)
                .containsExactly(0.01, -0.8, List.of(1.1920928955078125E-7, 0.001), 1.0, 0.0, false);
        assertThat(adafactor.params()).extracting(ParamSpec::rangeText)
                .containsExactly(">= 0", "<= 0", ">= 0", ">= 1", ">= 0", "");
    }

    @Test
    void namesItsDefinitionAndWhenToUseIt() {
        assertThat(adafactor.description()).contains("Shazeer and Stern 2018").contains("torch.optim.Adafactor")
                .contains("PyTorch 2.5").doesNotContain("\n");
        assertThat(adafactor.whenToUse()).contains("memory");
    }

    @Test
    void isFoundByServiceLoaderAndCreatesTheGivenSettings() {
        assertThat(BuiltIns.optimizer("adafactor")).hasToString("adafactor(lr=0.01, beta2_decay=-0.8,"
                + " eps=[1.1920928955078125E-7, 0.001], d=1, weight_decay=0, maximize=false)");
        assertThat(BuiltIns.optimizer("adafactor(lr=0.1, beta2_decay=-0.5, eps=[0.001, 0.01], d=2, weight_decay=0.1,"
                + " maximize=true)"))
                .hasToString("adafactor(lr=0.1, beta2_decay=-0.5, eps=[0.001, 0.01], d=2, weight_decay=0.1,"
                        + " maximize=true)");
    }

    @Test
    void invalidOptionsAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> BuiltIns.params(adafactor, "adafactor(beta2_decay=0.5)"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("parameter 'beta2_decay' of optimizer 'adafactor' must be <= 0, got 0.5");
        assertThatThrownBy(() -> BuiltIns.params(adafactor, "adafactor(d=0.5)"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("parameter 'd' of optimizer 'adafactor' must be >= 1, got 0.5");
        assertThatThrownBy(() -> BuiltIns.params(adafactor, "adafactor(eps=[1e-30])"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("'eps'");
        assertThatThrownBy(() -> BuiltIns.params(adafactor, "adafactor(eps=[-1, 0.001])"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("'eps'");
    }

    @Test
    void theBuilderChecksTooForCallersWithoutASpec() {
        assertThatThrownBy(() -> Adafactor.builder().beta2Decay(0.1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("adafactor: beta2_decay must be <= 0, got '0.1'");
        assertThatThrownBy(() -> Adafactor.builder().eps(1e-30, -1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("adafactor: eps[1] must be >= 0, got '-1'");
    }
}
