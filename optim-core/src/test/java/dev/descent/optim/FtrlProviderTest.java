package dev.descent.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.api.InvalidParameterException;
import dev.descent.api.ParamSpec;
import org.junit.jupiter.api.Test;

/** {@link FtrlProvider}: Keras's defaults under Descent's short names, and validation. */
class FtrlProviderTest {
    private final FtrlProvider ftrl = new FtrlProvider();

    @Test
    void declaresItsParametersDefaultsAndRanges() {
        assertThat(ftrl.params()).extracting(ParamSpec::name).containsExactly("lr", "lr_power",
                "initial_accumulator_value", "l1", "l2", "l2_shrinkage", "beta");
        assertThat(ftrl.params()).extracting(ParamSpec::defaultValue)
                .containsExactly(0.001, -0.5, 0.1, 0.0, 0.0, 0.0, 0.0);
        assertThat(ftrl.params()).extracting(ParamSpec::rangeText)
                .containsExactly("> 0", "<= 0", ">= 0", ">= 0", ">= 0", ">= 0", ">= 0");
    }

    @Test
    void namesItsDefinitionAndWhenToUseIt() {
        assertThat(ftrl.description()).contains("McMahan et al. 2013").contains("tf.keras.optimizers.Ftrl")
                .doesNotContain("\n");
        assertThat(ftrl.whenToUse()).contains("Sparse");
    }

    @Test
    void isFoundByServiceLoaderAndCreatesTheGivenSettings() {
        assertThat(BuiltIns.optimizer("ftrl")).hasToString("ftrl(lr=0.001, lr_power=-0.5, initial_accumulator_value=0.1,"
                + " l1=0, l2=0, l2_shrinkage=0, beta=0)");
        assertThat(BuiltIns.optimizer("ftrl(lr=0.1, lr_power=0, initial_accumulator_value=1, l1=0.5, l2=0.25,"
                + " l2_shrinkage=0.125, beta=2)"))
                .hasToString("ftrl(lr=0.1, lr_power=0, initial_accumulator_value=1, l1=0.5, l2=0.25,"
                        + " l2_shrinkage=0.125, beta=2)");
    }

    @Test
    void invalidOptionsAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> BuiltIns.params(ftrl, "ftrl(lr=0)"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("parameter 'lr' of optimizer 'ftrl' must be > 0, got 0");
        assertThatThrownBy(() -> BuiltIns.params(ftrl, "ftrl(lr_power=0.5)"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("parameter 'lr_power' of optimizer 'ftrl' must be <= 0, got 0.5");
        for (String name : new String[] {"initial_accumulator_value", "l1", "l2", "l2_shrinkage", "beta"}) {
            assertThatThrownBy(() -> BuiltIns.params(ftrl, "ftrl(" + name + "=-1)"))
                    .isInstanceOf(InvalidParameterException.class)
                    .hasMessage("parameter '" + name + "' of optimizer 'ftrl' must be >= 0, got -1");
        }
    }

    @Test
    void theBuilderChecksTooForCallersWithoutASpec() {
        assertThatThrownBy(() -> Ftrl.builder().lr(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ftrl: lr must be > 0 (FTRL divides by it), got '0'");
        assertThatThrownBy(() -> Ftrl.builder().lrPower(1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ftrl: lr_power must be <= 0, got '1'");
        assertThatThrownBy(() -> Ftrl.builder().l1(-1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ftrl: l1 must be >= 0, got '-1'");
    }
}
