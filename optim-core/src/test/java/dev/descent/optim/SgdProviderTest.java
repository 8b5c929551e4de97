package dev.descent.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.api.ComponentResolver;
import dev.descent.api.InvalidParameterException;
import dev.descent.api.Optimizer;
import dev.descent.api.OptimizerProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Parameter;
import dev.descent.api.Params;
import dev.descent.api.Spec;
import dev.descent.api.Tensor;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class SgdProviderTest {
    private static final String OWNER = "optimizer 'sgd'";

    private final SgdProvider provider = new SgdProvider();

    private Optimizer create(String spec) {
        return provider.create(params(spec));
    }

    private Params params(String spec) {
        return Params.resolve(OWNER, provider.params(), Spec.parse(spec).arguments(), ComponentResolver.NONE);
    }

    @Test
    void isFoundByServiceLoader() {
        List<String> names = ServiceLoader.load(OptimizerProvider.class).stream()
                .map(found -> found.get().name())
                .toList();

        assertThat(names).contains("sgd");
    }

    @Test
    void declaresPyTorchsParametersInOrder() {
        assertThat(provider.params()).extracting(ParamSpec::name)
                .containsExactly("lr", "momentum", "dampening", "nesterov", "weight_decay", "maximize");
    }

    @Test
    void declaresPyTorchsDefaults() {
        assertThat(provider.params()).extracting(ParamSpec::defaultValue)
                .containsExactly(0.001, 0.0, 0.0, false, 0.0, false);
    }

    @Test
    void declaresTheValidRanges() {
        assertThat(provider.params()).extracting(ParamSpec::rangeText)
                .containsExactly(">= 0", ">= 0", "", "", ">= 0", "");
    }

    @Test
    void documentsEveryParameter() {
        assertThat(provider.params()).extracting(ParamSpec::doc).allSatisfy(doc -> assertThat(doc).isNotBlank());
    }

    @Test
    void describesItselfOnOneLine() {
        assertThat(provider.description()).isNotBlank().doesNotContain("\n");
    }

    @Test
    void createsSgdWithTheGivenSettings() {
        Optimizer sgd = create("sgd(lr=0.5, momentum=0.5, nesterov=true, weight_decay=0.5, maximize=true)");

        assertThat(sgd).hasToString(
                "sgd(lr=0.5, momentum=0.5, dampening=0, nesterov=true, weight_decay=0.5, maximize=true)");
    }

    @Test
    void createsSgdWithTheDefaultsWhenNothingIsGiven() {
        Optimizer sgd = create("sgd");

        assertThat(sgd).hasToString(
                "sgd(lr=0.001, momentum=0, dampening=0, nesterov=false, weight_decay=0, maximize=false)");
    }

    @Test
    void createdSgdStepsWithTheGivenLearningRate() {
        Optimizer sgd = create("sgd(lr=0.25)");
        Parameter p = Parameter.of("w", Tensor.vector(1));
        p.gradient().data()[0] = 2;

        sgd.step(List.of(p));

        // 1 - 0.25 * 2 = 0.5
        assertThat(p.value().data()).containsExactly(0.5f);
    }

    @Test
    void negativeLearningRateIsRefusedByParams() {
        assertThatThrownBy(() -> params("sgd(lr=-1)"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("parameter 'lr' of optimizer 'sgd' must be >= 0, got -1");
    }

    @Test
    void negativeMomentumIsRefusedByParams() {
        assertThatThrownBy(() -> params("sgd(momentum=-0.9)"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("parameter 'momentum' of optimizer 'sgd' must be >= 0, got -0.9");
    }

    @Test
    void negativeWeightDecayIsRefusedByParams() {
        assertThatThrownBy(() -> params("sgd(weight_decay=-0.01)"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("parameter 'weight_decay' of optimizer 'sgd' must be >= 0, got -0.01");
    }

    @Test
    void nesterovWithoutMomentumIsRefusedByCreate() {
        assertThatThrownBy(() -> create("sgd(nesterov=true)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Nesterov momentum requires a momentum and zero dampening");
    }
}
