package dev.descent.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.api.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link RAdamProvider} against torch.optim.RAdam 1.13: names, defaults, ranges, validation. */
class RAdamProviderTest extends PyTorchProviderTest {

    RAdamProviderTest() {
        super(new RAdamProvider(),
                "torch.optim.RAdam",
                // PyTorch 1.13's RAdam has no maximize.
                List.of("lr", "betas", "eps", "weight_decay"),
                List.of(0.001, List.of(0.9, 0.999), 1e-8, 0.0),
                List.of(">= 0", "in [0, 1)", ">= 0", ">= 0"),
                "radam",
                List.of("exp_avg/w", "exp_avg_sq/w"));
    }

    @Test
    void firstStepsAreUnrectifiedMomentumSteps() {
        RAdam radam = RAdam.builder().lr(0.25).build();
        Parameter w = w(1f);

        step(radam, w, 2f);

        // rho_1 = 1 <= 5: p = p - lr * exp_avg / (1 - beta1) = 1 - 0.25 * 2, exactly
        assertThat(w.value().data()).containsExactly(0.5f);
    }

    @Test
    void createsWithTheGivenSettings() {
        assertThat(create("radam")).hasToString("radam(lr=0.001, betas=[0.9, 0.999], eps=1.0E-8, weight_decay=0)");
        assertThat(create("radam(lr=0.05, betas=[0.8, 0.99], eps=1e-6, weight_decay=0.1)"))
                .hasToString("radam(lr=0.05, betas=[0.8, 0.99], eps=1.0E-6, weight_decay=0.1)");
    }

    @Test
    void refusesNegativeSettingsAndBetasOfOneNamingThem() {
        refused("radam(eps=-1)", "parameter 'eps' of optimizer 'radam' must be >= 0, got -1");
        assertThatThrownBy(() -> RAdam.builder().betas(1, 0.999).build())
                .hasMessage("radam: betas[0] must be in [0, 1), got '1'");
        assertThatThrownBy(() -> RAdam.builder().weightDecay(-0.1).build())
                .hasMessage("radam: weight_decay must be >= 0, got '-0.1'");
    }
}
