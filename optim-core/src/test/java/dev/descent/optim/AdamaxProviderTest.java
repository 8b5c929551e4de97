package dev.descent.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link AdamaxProvider} against torch.optim.Adamax 1.13: names, defaults, ranges, validation. */
class AdamaxProviderTest extends PyTorchProviderTest {

    AdamaxProviderTest() {
        super(new AdamaxProvider(),
                "torch.optim.Adamax",
                List.of("lr", "betas", "eps", "weight_decay", "maximize"),
                List.of(0.002, List.of(0.9, 0.999), 1e-8, 0.0, false),
                List.of(">= 0", "in [0, 1)", ">= 0", ">= 0", ""),
                "adamax",
                List.of("exp_avg/w", "exp_inf/w"));
    }

    @Test
    void theInfinityNormKeepsTheLargestGradientDecayedByBeta2() {
        Adamax adamax = Adamax.builder().lr(0.1).build();
        Parameter w = w(1f);

        // exp_inf = |2| + 1e-8; the bias-corrected first step is lr * sign(g)
        step(adamax, w, 2f);
        assertThat(adamax.state().tensor("exp_inf/w").data()).containsExactly(2f);
        assertThat(w.value().data()[0]).isCloseTo(0.9f, within(1e-6f));

        // a smaller gradient leaves the decayed maximum: 0.999 * 2
        step(adamax, w, 1f);
        assertThat(adamax.state().tensor("exp_inf/w").data()).containsExactly(2f * (float) 0.999);
    }

    @Test
    void createsWithTheGivenSettings() {
        assertThat(create("adamax")).hasToString("adamax(lr=0.002, betas=[0.9, 0.999], eps=1.0E-8, weight_decay=0,"
                + " maximize=false)");
        assertThat(create("adamax(lr=0.05, betas=[0.8, 0.99], eps=1e-6, weight_decay=0.1, maximize=true)"))
                .hasToString("adamax(lr=0.05, betas=[0.8, 0.99], eps=1.0E-6, weight_decay=0.1, maximize=true)");
    }

    @Test
    void refusesABetaOutsideZeroToOneNamingIt() {
        refused("adamax(betas=[0.9, 1])", "parameter 'betas' of optimizer 'adamax' must hold numbers in [0, 1),"
                + " got 1 in [0.9, 1]");
        assertThatThrownBy(() -> Adamax.builder().betas(1, 0.999).build())
                .hasMessage("adamax: betas[0] must be in [0, 1), got '1'");
        assertThatThrownBy(() -> Adamax.builder().betas(0.9, -0.1).build())
                .hasMessage("adamax: betas[1] must be in [0, 1), got '-0.1'");
        assertThatThrownBy(() -> Adamax.builder().weightDecay(-1).build())
                .hasMessage("adamax: weight_decay must be >= 0, got '-1'");
    }
}
