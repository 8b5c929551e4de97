package dev.descent.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link AdagradProvider} against torch.optim.Adagrad 1.13: names, defaults, ranges, validation. */
class AdagradProviderTest extends PyTorchProviderTest {

    AdagradProviderTest() {
        super(new AdagradProvider(),
                "torch.optim.Adagrad",
                List.of("lr", "lr_decay", "weight_decay", "initial_accumulator_value", "eps", "maximize"),
                List.of(0.01, 0.0, 0.0, 0.0, 1e-10, false),
                List.of(">= 0", ">= 0", ">= 0", ">= 0", ">= 0", ""),
                "adagrad",
                List.of("sum/w"));
    }

    @Test
    void theSumStartsAtTheInitialAccumulatorValueAndTheLearningRateDecaysWithTheStep() {
        Adagrad adagrad = Adagrad.builder().lr(1).lrDecay(1).initialAccumulatorValue(16).build();
        Parameter w = w(1f);

        // sum = 16 + 3 * 3 = 25; p = 1 - 1 * 3 / 5
        step(adagrad, w, 3f);
        assertThat(adagrad.state().tensor("sum/w").data()).containsExactly(25f);
        assertThat(w.value().data()[0]).isCloseTo(0.4f, within(1e-6f));

        // sum = 25 + 144 = 169; step 2 has lr / (1 + 1 * lr_decay) = 0.5: p = 0.4 - 0.5 * 12 / 13
        step(adagrad, w, 12f);
        assertThat(w.value().data()[0]).isCloseTo(0.4f - 6f / 13, within(1e-6f));
    }

    @Test
    void createsWithTheGivenSettings() {
        assertThat(create("adagrad")).hasToString("adagrad(lr=0.01, lr_decay=0, weight_decay=0,"
                + " initial_accumulator_value=0, eps=1.0E-10, maximize=false)");
        assertThat(create("adagrad(lr=0.1, lr_decay=0.01, weight_decay=0.5, initial_accumulator_value=0.1,"
                + " eps=1e-6, maximize=true)")).hasToString("adagrad(lr=0.1, lr_decay=0.01, weight_decay=0.5,"
                + " initial_accumulator_value=0.1, eps=1.0E-6, maximize=true)");
    }

    @Test
    void refusesNegativeSettingsNamingThem() {
        refused("adagrad(lr_decay=-1)", "parameter 'lr_decay' of optimizer 'adagrad' must be >= 0, got -1");
        refused("adagrad(initial_accumulator_value=-1)",
                "parameter 'initial_accumulator_value' of optimizer 'adagrad' must be >= 0, got -1");
        assertThatThrownBy(() -> Adagrad.builder().lrDecay(-1).build())
                .hasMessage("adagrad: lr_decay must be >= 0, got '-1'");
        assertThatThrownBy(() -> Adagrad.builder().initialAccumulatorValue(-0.5).build())
                .hasMessage("adagrad: initial_accumulator_value must be >= 0, got '-0.5'");
        assertThatThrownBy(() -> Adagrad.builder().eps(-1).build()).hasMessage("adagrad: eps must be >= 0, got '-1'");
    }
}
