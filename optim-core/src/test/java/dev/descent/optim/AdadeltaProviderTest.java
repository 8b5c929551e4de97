package dev.descent.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link AdadeltaProvider} against torch.optim.Adadelta 1.13: names, defaults, ranges, validation. */
class AdadeltaProviderTest extends PyTorchProviderTest {

    AdadeltaProviderTest() {
        super(new AdadeltaProvider(),
                "torch.optim.Adadelta",
                List.of("lr", "rho", "eps", "weight_decay", "maximize"),
                List.of(1.0, 0.9, 1e-6, 0.0, false),
                // Unlike Adam's betas, PyTorch allows rho = 1.
                List.of(">= 0", "in [0, 1]", ">= 0", ">= 0", ""),
                "adadelta",
                List.of("square_avg/w", "acc_delta/w"));
    }

    @Test
    void firstStepScalesTheGradientByTheRootOfEpsOverTheSquareAverage() {
        Adadelta adadelta = Adadelta.builder().rho(0).eps(16).build();
        Parameter w = w(1f);

        step(adadelta, w, 3f);

        // rho 0: square_avg = 9, delta = sqrt(0 + 16) / sqrt(9 + 16) * 3 = 2.4, acc_delta = 5.76, p = 1 - 2.4
        assertThat(adadelta.state().tensor("square_avg/w").data()).containsExactly(9f);
        assertThat(adadelta.state().tensor("acc_delta/w").data()[0]).isCloseTo(5.76f, within(1e-5f));
        assertThat(w.value().data()[0]).isCloseTo(-1.4f, within(1e-6f));
    }

    @Test
    void createsWithTheGivenSettings() {
        assertThat(create("adadelta")).hasToString("adadelta(lr=1, rho=0.9, eps=1.0E-6, weight_decay=0,"
                + " maximize=false)");
        assertThat(create("adadelta(lr=0.5, rho=1, eps=1e-4, weight_decay=0.1, maximize=true)"))
                .hasToString("adadelta(lr=0.5, rho=1, eps=1.0E-4, weight_decay=0.1, maximize=true)");
    }

    @Test
    void refusesARhoOutsideZeroToOneNamingIt() {
        refused("adadelta(rho=1.5)", "parameter 'rho' of optimizer 'adadelta' must be in [0, 1], got 1.5");
        refused("adadelta(rho=-0.1)", "parameter 'rho' of optimizer 'adadelta' must be in [0, 1], got -0.1");
        assertThatThrownBy(() -> Adadelta.builder().rho(1.5).build())
                .hasMessage("adadelta: rho must be in [0, 1], got '1.5'");
        assertThatThrownBy(() -> Adadelta.builder().rho(Double.NaN).build())
                .hasMessageStartingWith("adadelta: rho must be in [0, 1]");
        assertThatThrownBy(() -> Adadelta.builder().eps(-1).build()).hasMessage("adadelta: eps must be >= 0, got '-1'");
    }
}
