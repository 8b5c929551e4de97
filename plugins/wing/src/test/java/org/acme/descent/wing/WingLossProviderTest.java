package org.acme.descent.wing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.ComponentResolver;
import dev.descent.api.InvalidParameterException;
import dev.descent.api.Loss;
import dev.descent.api.LossProvider;
import dev.descent.api.Params;
import dev.descent.api.Reduction;
import dev.descent.api.Spec;
import dev.descent.api.Tensor;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The provider as the host sees it: found by ServiceLoader, creating losses from validated specs. */
class WingLossProviderTest {
    private static final WingLossProvider PROVIDER = new WingLossProvider();

    private static Loss create(String spec) {
        Spec parsed = Spec.parse(spec);
        return PROVIDER.create(Params.resolve("loss 'wing'", PROVIDER.params(), parsed.arguments(),
                ComponentResolver.NONE));
    }

    @Test
    void serviceLoaderFindsTheProviderThroughMetaInfServices() {
        assertThat(ServiceLoader.load(LossProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(WingLossProvider.class);
    }

    @Test
    void defaultsAreThePapersWidthTenAndEpsilonTwoReducedByTheMean() {
        WingLoss loss = (WingLoss) create("wing");

        assertThat(loss.width()).isEqualTo(10);
        assertThat(loss.epsilon()).isEqualTo(2);
        assertThat(loss.reduction()).isEqualTo(Reduction.MEAN);
    }

    @Test
    void specArgumentsReachTheLoss() {
        Loss loss = create("wing(w=2, epsilon=1, reduction=sum)");

        // x = 1 < 2: 2 ln(1 + 1) = 1.3863..., summed
        assertThat(loss.compute(Tensor.vector(1f), Tensor.vector(0f))).isCloseTo(2 * Math.log(2), within(1e-6));
        assertThat(loss.reduction()).isEqualTo(Reduction.SUM);
    }

    @Test
    void zeroWidthIsRefusedByTheParameterRange() {
        assertThatThrownBy(() -> create("wing(w=0)"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("'w'")
                .hasMessageContaining("> 0");
    }
}
