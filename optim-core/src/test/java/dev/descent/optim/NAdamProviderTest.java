package dev.descent.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link NAdamProvider} against torch.optim.NAdam 1.13: names, defaults, ranges, validation. */
class NAdamProviderTest extends PyTorchProviderTest {

    NAdamProviderTest() {
        super(new NAdamProvider(),
                "torch.optim.NAdam",
                // PyTorch 1.13's NAdam has no maximize.
                List.of("lr", "betas", "eps", "weight_decay", "momentum_decay"),
                List.of(0.002, List.of(0.9, 0.999), 1e-8, 0.0, 0.004),
                List.of(">= 0", "in [0, 1)", ">= 0", ">= 0", ">= 0"),
                "nadam",
                // mu_product is recomputed from the step count, not stored.
                List.of("exp_avg/w", "exp_avg_sq/w"));
    }

    @Test
    void firstStepAddsTheNesterovLookAheadToTheGradientStep() {
        NAdam nadam = NAdam.builder().lr(1).momentumDecay(0).build();
        Parameter w = w(0f);

        step(nadam, w, 2f);

        // momentum_decay 0: mu = 0.9 * (1 - 0.5) = 0.45 at every step; denom = |g|, exp_avg = 0.1 g.
        // p = -lr (1 - mu) / (1 - mu) * sign(g) - lr * mu / (1 - mu^3) * 0.1 * sign(g), mu^3 and not mu^2
        // as PyTorch 1.13's single-tensor NAdam counts mu twice in mu_product_next
        assertThat(w.value().data()[0]).isCloseTo((float) -(1 + 0.45 / (1 - 0.45 * 0.45 * 0.45) * 0.1), within(1e-6f));
    }

    @Test
    void createsWithTheGivenSettings() {
        assertThat(create("nadam")).hasToString("nadam(lr=0.002, betas=[0.9, 0.999], eps=1.0E-8, weight_decay=0,"
                + " momentum_decay=0.004)");
        assertThat(create("nadam(lr=0.05, betas=[0.8, 0.99], eps=1e-6, weight_decay=0.1, momentum_decay=0.1)"))
                .hasToString("nadam(lr=0.05, betas=[0.8, 0.99], eps=1.0E-6, weight_decay=0.1, momentum_decay=0.1)");
    }

    @Test
    void refusesANegativeMomentumDecayOrAMaximizeNamingThem() {
        refused("nadam(momentum_decay=-1)", "parameter 'momentum_decay' of optimizer 'nadam' must be >= 0, got -1");
        assertThatThrownBy(() -> params("nadam(maximize=true)")).hasMessageContaining("'maximize'");
        assertThatThrownBy(() -> NAdam.builder().momentumDecay(-0.004).build())
                .hasMessage("nadam: momentum_decay must be >= 0, got '-0.004'");
        assertThatThrownBy(() -> NAdam.builder().betas(0.9, 1).build())
                .hasMessage("nadam: betas[1] must be in [0, 1), got '1'");
    }
}
