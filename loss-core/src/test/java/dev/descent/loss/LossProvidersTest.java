package dev.descent.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.api.ComponentResolver;
import dev.descent.api.InvalidParameterException;
import dev.descent.api.Loss;
import dev.descent.api.LossProvider;
import dev.descent.api.Params;
import dev.descent.api.Reduction;
import dev.descent.api.Spec;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LossProvidersTest {

    static Stream<Named<LossProvider>> providers() {
        return ServiceLoader.load(LossProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .map(provider -> Named.of(provider.name(), provider));
    }

    private static Loss create(LossProvider provider, String spec) {
        String owner = "loss '" + provider.name() + "'";
        return provider.create(Params.resolve(owner, provider.params(), Spec.parse(spec).arguments(),
                ComponentResolver.NONE));
    }

    @Test
    void serviceLoaderFindsMseL1AndRmse() {
        assertThat(providers().map(Named::getPayload).map(LossProvider::name)).contains("mse", "l1", "rmse");
    }

    @ParameterizedTest
    @MethodSource("providers")
    void defaultParamsCreateTheLossUnderItsCanonicalName(LossProvider provider) {
        Loss loss = provider.create(Params.defaults("loss '" + provider.name() + "'", provider.params()));

        assertThat(loss.name()).isEqualTo(provider.name());
    }

    @ParameterizedTest
    @MethodSource("providers")
    void defaultReductionIsMean(LossProvider provider) {
        Loss loss = provider.create(Params.defaults("loss '" + provider.name() + "'", provider.params()));

        assertThat(loss.reduction()).isEqualTo(Reduction.MEAN);
    }

    @ParameterizedTest
    @MethodSource("providers")
    void reductionSumIsTakenFromAParsedSpec(LossProvider provider) {
        Loss loss = create(provider, provider.name() + "(reduction=sum)");

        assertThat(loss.reduction()).isEqualTo(Reduction.SUM);
    }

    @ParameterizedTest
    @MethodSource("providers")
    void reductionNoneIsTakenFromAParsedSpec(LossProvider provider) {
        Loss loss = create(provider, provider.name() + "(reduction=none)");

        assertThat(loss.reduction()).isEqualTo(Reduction.NONE);
    }

    @ParameterizedTest
    @MethodSource("providers")
    void unknownReductionIsRefusedListingTheValidOnes(LossProvider provider) {
        assertThatThrownBy(() -> create(provider, provider.name() + "(reduction=median)"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("'median'")
                .hasMessageContaining("one of mean, sum, none");
    }

    @ParameterizedTest
    @MethodSource("providers")
    void reductionIsTheOnlyParameterOfAReductionLossProvider(LossProvider provider) {
        if (provider instanceof ReductionLossProvider) {
            assertThat(provider.params()).containsExactly(Reduction.PARAM);
        }
    }

    @ParameterizedTest
    @MethodSource("providers")
    void descriptionIsOneLine(LossProvider provider) {
        assertThat(provider.description()).isNotBlank().doesNotContain("\n");
    }

    @Test
    void l1IsAlsoKnownAsMae() {
        assertThat(new L1LossProvider().aliases()).containsExactly("mae");
    }

    @Test
    void mseAndRmseHaveNoAliases() {
        assertThat(new MseLossProvider().aliases()).isEmpty();
        assertThat(new RmseLossProvider().aliases()).isEmpty();
    }

    @Test
    void rmseDescriptionStatesTheGradientAtZeroError() {
        assertThat(new RmseLossProvider().description()).contains("gradient 0 at zero error");
    }
}
