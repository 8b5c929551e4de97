package dev.descent.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.api.ComponentResolver;
import dev.descent.api.InvalidParameterException;
import dev.descent.api.OptimizerProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import dev.descent.api.Spec;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** {@link AdamProvider} and {@link AdamWProvider}: PyTorch's names, defaults and ranges, and validation. */
class AdamProviderTest {
    private final AdamProvider adam = new AdamProvider();
    private final AdamWProvider adamw = new AdamWProvider();

    private static Params params(OptimizerProvider provider, String spec) {
        return Params.resolve("optimizer '" + provider.name() + "'", provider.params(), Spec.parse(spec).arguments(),
                ComponentResolver.NONE);
    }

    @Test
    void bothAreFoundByServiceLoader() {
        List<String> names = ServiceLoader.load(OptimizerProvider.class).stream()
                .map(found -> found.get().name())
                .toList();

        assertThat(names).contains("adam", "adamw");
    }

    @Test
    void declarePyTorchsParametersInOrder() {
        for (OptimizerProvider provider : List.of(adam, adamw)) {
            assertThat(provider.params()).extracting(ParamSpec::name)
                    .containsExactly("lr", "betas", "eps", "weight_decay", "amsgrad", "maximize");
        }
    }

    @Test
    void declarePyTorchsDefaultsWhichDifferOnlyInWeightDecay() {
        assertThat(adam.params()).extracting(ParamSpec::defaultValue)
                .containsExactly(0.001, List.of(0.9, 0.999), 1e-8, 0.0, false, false);
        assertThat(adamw.params()).extracting(ParamSpec::defaultValue)
                .containsExactly(0.001, List.of(0.9, 0.999), 1e-8, 0.01, false, false);
    }

    @Test
    void declareTheValidRanges() {
        assertThat(adam.params()).extracting(ParamSpec::rangeText)
                .containsExactly(">= 0", "in [0, 1)", ">= 0", ">= 0", "", "");
    }

    @Test
    void describeThemselvesWithWhenToUse() {
        for (OptimizerProvider provider : List.of(adam, adamw)) {
            assertThat(provider.description()).isNotBlank().doesNotContain("\n");
            assertThat(provider.whenToUse()).isNotBlank();
            assertThat(provider.params()).extracting(ParamSpec::doc).allSatisfy(doc -> assertThat(doc).isNotBlank());
        }
    }

    @Test
    void createWithTheGivenSettings() {
        assertThat(adam.create(params(adam, "adam(lr=0.01, betas=[0.8, 0.99], eps=1e-6, amsgrad=true)")))
                .hasToString("adam(lr=0.01, betas=[0.8, 0.99], eps=1.0E-6, weight_decay=0, amsgrad=true,"
                        + " maximize=false)");
        assertThat(adamw.create(params(adamw, "adamw(weight_decay=0.1, maximize=true)")))
                .hasToString("adamw(lr=0.001, betas=[0.9, 0.999], eps=1.0E-8, weight_decay=0.1, amsgrad=false,"
                        + " maximize=true)");
    }

    @Test
    void aBetaOfOneIsRefusedByParams() {
        assertThatThrownBy(() -> params(adam, "adam(betas=[0.9, 1])"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("'betas'")
                .hasMessageContaining("[0, 1)");
    }

    @Test
    void aSingleBetaIsRefusedByParams() {
        assertThatThrownBy(() -> params(adam, "adam(betas=[0.9])"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("'betas'");
    }

    @Test
    void negativeEpsAndWeightDecayAreRefusedByParams() {
        assertThatThrownBy(() -> params(adam, "adam(eps=-1)"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("parameter 'eps' of optimizer 'adam' must be >= 0, got -1");
        assertThatThrownBy(() -> params(adamw, "adamw(weight_decay=-0.01)"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("parameter 'weight_decay' of optimizer 'adamw' must be >= 0, got -0.01");
    }
}
