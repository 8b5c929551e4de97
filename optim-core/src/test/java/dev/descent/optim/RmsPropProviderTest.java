package dev.descent.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link RmsPropProvider} against torch.optim.RMSprop 1.13: names, defaults, ranges, validation. */
class RmsPropProviderTest extends PyTorchProviderTest {

    RmsPropProviderTest() {
        super(new RmsPropProvider(),
                "torch.optim.RMSprop",
                List.of("lr", "alpha", "eps", "weight_decay", "momentum", "centered", "maximize"),
                List.of(0.01, 0.99, 1e-8, 0.0, 0.0, false, false),
                // PyTorch bounds alpha below only.
                List.of(">= 0", ">= 0", ">= 0", ">= 0", ">= 0", "", ""),
                "rmsprop(momentum=0.9, centered=true)",
                List.of("square_avg/w", "momentum_buffer/w", "grad_avg/w"));
    }

    @Test
    void keepsOnlyTheSquareAverageWithoutMomentumOrCentering() {
        assertThat(RmsProp.builder().build().slots()).containsExactly("square_avg");
    }

    @Test
    void firstStepIsTenTimesTheLearningRateAsTheAverageStartsAtZero() {
        RmsProp rmsprop = RmsProp.builder().build();
        Parameter w = w(1f);

        step(rmsprop, w, 2f);

        // square_avg = (1 - 0.99) * 4 = 0.04, p = 1 - 0.01 * 2 / (0.2 + 1e-8)
        assertThat(rmsprop.state().tensor("square_avg/w").data()[0]).isCloseTo(0.04f, within(1e-9f));
        assertThat(w.value().data()[0]).isCloseTo(0.9f, within(1e-6f));
    }

    @Test
    void createsWithTheGivenSettings() {
        assertThat(create("rmsprop")).hasToString("rmsprop(lr=0.01, alpha=0.99, eps=1.0E-8, weight_decay=0,"
                + " momentum=0, centered=false, maximize=false)");
        assertThat(create("rmsprop(lr=0.1, alpha=0.9, eps=1e-6, weight_decay=0.5, momentum=0.8, centered=true,"
                + " maximize=true)")).hasToString("rmsprop(lr=0.1, alpha=0.9, eps=1.0E-6, weight_decay=0.5,"
                + " momentum=0.8, centered=true, maximize=true)");
    }

    @Test
    void refusesNegativeSettingsNamingThem() {
        refused("rmsprop(alpha=-1)", "parameter 'alpha' of optimizer 'rmsprop' must be >= 0, got -1");
        refused("rmsprop(momentum=-0.5)", "parameter 'momentum' of optimizer 'rmsprop' must be >= 0, got -0.5");
        assertThatThrownBy(() -> RmsProp.builder().alpha(-1).build()).hasMessage("rmsprop: alpha must be >= 0, got '-1'");
        assertThatThrownBy(() -> RmsProp.builder().momentum(-1).build())
                .hasMessage("rmsprop: momentum must be >= 0, got '-1'");
        assertThatThrownBy(() -> RmsProp.builder().eps(Double.NaN).build())
                .hasMessageStartingWith("rmsprop: eps must be >= 0");
        assertThatThrownBy(() -> RmsProp.builder().weightDecay(-1).build())
                .hasMessage("rmsprop: weight_decay must be >= 0, got '-1'");
        assertThatThrownBy(() -> RmsProp.builder().lr(-1).build()).hasMessage("rmsprop: lr must be >= 0, got '-1'");
    }
}
