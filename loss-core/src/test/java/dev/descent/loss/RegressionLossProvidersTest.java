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
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class RegressionLossProvidersTest {
    private static final List<String> NAMES = List.of("smooth_l1", "huber", "log_cosh", "msle", "mape", "poisson_nll",
            "gaussian_nll", "quantile");

    static Stream<LossProvider> providers() {
        return ServiceLoader.load(LossProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(provider -> NAMES.contains(provider.name()));
    }

    private static LossProvider provider(String name) {
        return providers().filter(provider -> provider.name().equals(name)).findFirst().orElseThrow();
    }

    private static Loss create(String spec) {
        LossProvider provider = provider(Spec.parse(spec).name());
        return provider.create(Params.resolve("loss '" + provider.name() + "'", provider.params(),
                Spec.parse(spec).arguments(), ComponentResolver.NONE));
    }

    @Test
    void serviceLoaderFindsEveryRegressionLoss() {
        assertThat(providers().map(LossProvider::name)).containsExactlyInAnyOrderElementsOf(NAMES);
    }

    @ParameterizedTest
    @MethodSource("providers")
    void defaultsCreateTheLossUnderItsNameWithTheMeanReduction(LossProvider provider) {
        Loss loss = provider.create(Params.defaults("loss '" + provider.name() + "'", provider.params()));

        assertThat(loss.name()).isEqualTo(provider.name());
        assertThat(loss.reduction()).isEqualTo(Reduction.MEAN);
    }

    @ParameterizedTest
    @MethodSource("providers")
    void reductionIsTheLastParameter(LossProvider provider) {
        assertThat(provider.params()).last().isEqualTo(Reduction.PARAM);
    }

    @ParameterizedTest
    @MethodSource("providers")
    void descriptionIsOneLineStatingTheInputShapes(LossProvider provider) {
        assertThat(provider.description()).doesNotContain("\n").hasSizeLessThan(200).contains("t").containsAnyOf(
                "of one shape", "predictions' shape", "[N, 2, ...]");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "smooth_l1                  | smooth_l1(beta=1.0, reduction=mean)",
        "huber                      | huber(delta=1.0, reduction=mean)",
        "log_cosh                   | log_cosh(reduction=mean)",
        "msle                       | msle(reduction=mean)",
        "mape                       | mape(reduction=mean)",
        "poisson_nll                | poisson_nll(log_input=true, full=false, eps=1.0E-8, reduction=mean)",
        "gaussian_nll               | gaussian_nll(full=false, eps=1.0E-6, reduction=mean)",
        "quantile                   | quantile(q=0.5, reduction=mean)"})
    void defaultsArePyTorchs(String name, String expected) {
        assertThat(create(name)).hasToString(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "smooth_l1(beta=0.25, reduction=sum)                         | smooth_l1(beta=0.25, reduction=sum)",
        "huber(delta=2, reduction=none)                              | huber(delta=2.0, reduction=none)",
        "poisson_nll(log_input=false, full=true, eps=0.001)          | poisson_nll(log_input=false, full=true, eps=0.001, reduction=mean)",
        "gaussian_nll(full=true, eps=0.01, reduction=sum)            | gaussian_nll(full=true, eps=0.01, reduction=sum)",
        "quantile(q=0.9)                                             | quantile(q=0.9, reduction=mean)"})
    void parametersAreTakenFromAParsedSpec(String spec, String expected) {
        assertThat(create(spec)).hasToString(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "smooth_l1(beta=-0.5)     | beta",
        "huber(delta=0)           | delta",
        "poisson_nll(eps=-1)      | eps",
        "gaussian_nll(eps=-1)     | eps",
        "quantile(q=0)            | q",
        "quantile(q=1)            | q"})
    void valueOutsideItsRangeIsRefusedNamingTheParameter(String spec, String parameter) {
        assertThatThrownBy(() -> create(spec))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining(parameter);
    }

    @Test
    void quantileIsAlsoKnownAsPinball() {
        assertThat(provider("quantile").aliases()).containsExactly("pinball");
    }

    @Test
    void gaussianNllDescriptionStatesTheStackedLayout() {
        assertThat(provider("gaussian_nll").description())
                .contains("predictions [N, 2, ...] (mean m, variance var on axis 1), targets [N, ...]");
    }
}
