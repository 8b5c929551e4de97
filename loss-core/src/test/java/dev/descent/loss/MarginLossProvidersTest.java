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
import dev.descent.api.Tensor;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MarginLossProvidersTest {
    private static final List<String> NAMES = List.of("hinge", "squared_hinge", "categorical_hinge", "multi_margin",
            "soft_margin", "multilabel_soft_margin", "hinge_embedding", "margin_ranking", "bpr", "cosine_embedding",
            "triplet_margin");

    static Stream<LossProvider> providers() {
        return ServiceLoader.load(LossProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(provider -> NAMES.contains(provider.name()));
    }

    private static Loss create(LossProvider provider, String spec) {
        return provider.create(Params.resolve("loss '" + provider.name() + "'", provider.params(),
                Spec.parse(spec).arguments(), ComponentResolver.NONE));
    }

    private static LossProvider provider(String name) {
        return providers().filter(provider -> provider.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void serviceLoaderFindsEveryMarginRankingAndSimilarityLoss() {
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
    void reductionNoneIsTakenFromAParsedSpec(LossProvider provider) {
        assertThat(create(provider, provider.name() + "(reduction=none)").reduction()).isEqualTo(Reduction.NONE);
    }

    @ParameterizedTest
    @MethodSource("providers")
    void descriptionIsOneLineUnder200Characters(LossProvider provider) {
        assertThat(provider.description()).isNotBlank().doesNotContain("\n").hasSizeLessThan(200);
    }

    @Test
    void stackedLossesStateTheirLayoutInTheDescription() {
        assertThat(provider("margin_ranking").description()).contains("predictions [N, 2]: x1, x2 stacked on axis 1")
                .contains("targets [N] of ±1");
        assertThat(provider("bpr").description()).contains("predictions [N, 2]: x1, x2 stacked on axis 1")
                .contains("targets [N] of ±1");
        assertThat(provider("cosine_embedding").description())
                .contains("predictions [N, 2, D]: x1, x2 stacked on axis 1").contains("targets [N] of ±1");
        assertThat(provider("triplet_margin").description())
                .contains("predictions [N, 3, D]: anchor, positive, negative on axis 1").contains("targets ignored");
    }

    @Test
    void pytorchDefaultsAreTheDefaults() {
        assertThat(Params.defaults("x", provider("multi_margin").params()).values())
                .containsEntry("p", 1).containsEntry("margin", 1.0).doesNotContainKey("weight");
        assertThat(Params.defaults("x", provider("hinge_embedding").params()).values()).containsEntry("margin", 1.0);
        assertThat(Params.defaults("x", provider("margin_ranking").params()).values()).containsEntry("margin", 0.0);
        assertThat(Params.defaults("x", provider("cosine_embedding").params()).values()).containsEntry("margin", 0.0);
        assertThat(Params.defaults("x", provider("triplet_margin").params()).values())
                .containsEntry("margin", 1.0).containsEntry("p", 2.0).containsEntry("eps", 1e-6)
                .containsEntry("swap", false);
    }

    @Test
    void multiMarginAcceptsOnlyPOfOneOrTwo() {
        assertThatThrownBy(() -> create(provider("multi_margin"), "multi_margin(p=3)"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("'p'")
                .hasMessageContaining("in [1, 2]");
    }

    @Test
    void multiMarginTakesItsWeightFromTheSpec() {
        // x = [0.1, 0.2, 0.4, 0.8], y = 3: weight 2 for class 3 doubles 0.325
        Loss loss = create(provider("multi_margin"), "multi_margin(weight=[1, 1, 1, 2])");

        assertThat(loss.compute(Tensor.of(new float[] {0.1f, 0.2f, 0.4f, 0.8f}, 1, 4), Tensor.vector(3f)))
                .isCloseTo(0.65, org.assertj.core.api.Assertions.within(1e-6));
    }

    @Test
    void cosineMarginOutsideMinusOneToOneIsRefused() {
        assertThatThrownBy(() -> create(provider("cosine_embedding"), "cosine_embedding(margin=1.5)"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("'margin'")
                .hasMessageContaining("in [-1, 1]");
    }

    @Test
    void tripletNormDegreeBelowOneIsRefusedAndInfinityAccepted() {
        assertThatThrownBy(() -> create(provider("triplet_margin"), "triplet_margin(p=0.5)"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("'p'")
                .hasMessageContaining(">= 1");
        assertThat(create(provider("triplet_margin"), "triplet_margin(p=inf)")).isNotNull();
    }
}
