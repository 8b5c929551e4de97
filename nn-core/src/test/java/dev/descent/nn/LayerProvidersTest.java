package dev.descent.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.descent.api.ComponentResolver;
import dev.descent.api.InvalidParameterException;
import dev.descent.api.Layer;
import dev.descent.api.LayerProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import dev.descent.api.Parameter;
import dev.descent.api.Spec;
import java.util.List;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LayerProvidersTest {

    private static List<LayerProvider> discovered() {
        return ServiceLoader.load(LayerProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .collect(Collectors.toList());
    }

    private static LayerProvider provider(String name) {
        return discovered().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    /** What a registry does with a spec: validate its arguments against the provider's params, then create. */
    private static Layer create(String spec) {
        Spec parsed = Spec.parse(spec);
        LayerProvider provider = provider(parsed.name());
        Params params = Params.resolve("layer '" + provider.name() + "'", provider.params(), parsed.arguments(),
                ComponentResolver.NONE);
        return provider.create(params);
    }

    @Test
    void serviceLoaderFindsTheBuiltInLayersEachOnce() {
        assertThat(discovered()).extracting(LayerProvider::name).containsExactlyInAnyOrder("linear", "relu",
                "leaky_relu", "elu", "gelu", "sigmoid", "tanh", "softplus", "silu", "softmax", "log_softmax",
                "dropout", "flatten", "reshape", "conv2d", "max_pool2d", "avg_pool2d", "global_avg_pool2d",
                "batch_norm", "layer_norm", "embedding", "add", "multiply", "concat", "dot", "stack");
    }

    @Test
    void linearIsAlsoKnownAsDense() {
        assertThat(provider("linear").aliases()).containsExactly("dense");
    }

    @Test
    void everyProviderDescribesItselfInOneLine() {
        assertThat(discovered()).allSatisfy(p -> assertThat(p.description()).isNotBlank().doesNotContain("\n"));
    }

    @Test
    void everyParameterIsDocumented() {
        assertThat(discovered()).flatExtracting(LayerProvider::params)
                .allSatisfy(spec -> assertThat(spec.doc()).isNotBlank());
    }

    @Test
    void linearDeclaresItsParametersWithTypesAndDefaults() {
        assertThat(provider("linear").params())
                .extracting(ParamSpec::name, ParamSpec::typeText, ParamSpec::defaultText, ParamSpec::rangeText)
                .containsExactly(
                        tuple("in_features", "integer", "none", ">= 1"),
                        tuple("out_features", "integer", "required", ">= 1"),
                        tuple("bias", "boolean", "true", ""),
                        tuple("init", "initializer spec", "kaiming_uniform(a=2.23606797749979)", ""),
                        tuple("activation", "layer spec", "none", ""));
        assertThat(provider("linear").params().get(1).isPositional()).as("out_features by position").isTrue();
    }

    @Test
    void linearSpecWithoutInFeaturesCreatesALayerThatInfersThem() {
        Layer layer = create("linear(out_features=4)");
        layer.initialize(new int[] {3}, new SplittableRandom(1));

        assertThat(layer).isInstanceOf(Linear.class);
        assertThat(((Linear) layer).inFeatures()).hasValue(3);
        assertThat(layer.outputShape(new int[] {3})).containsExactly(4);
        assertThat(layer.parameters()).extracting(Parameter::name).containsExactly("weight", "bias");
    }

    @Test
    void linearSpecWithInFeaturesCreatesALayerOfThatSize() {
        Linear layer = (Linear) create("linear(in_features=3, out_features=4)");

        assertThat(layer.inFeatures()).hasValue(3);
        assertThat(layer.weight().value().shape()).containsExactly(4, 3);
    }

    @Test
    void linearSpecWithoutBiasCreatesALayerWithOnlyAWeight() {
        Layer layer = create("linear(in_features=3, out_features=4, bias=false)");

        assertThat(layer.parameters()).extracting(Parameter::name).containsExactly("weight");
    }

    @Test
    void linearSpecWithoutOutFeaturesIsRefused() {
        assertThatThrownBy(() -> create("linear(in_features=3)"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("parameter 'out_features' of layer 'linear' is required (integer >= 1)");
    }

    @Test
    void linearSpecWithZeroOutFeaturesIsRefused() {
        assertThatThrownBy(() -> create("linear(out_features=0)"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("'out_features'")
                .hasMessageContaining(">= 1");
    }

    @Test
    void reluSpecCreatesARelu() {
        assertThat(create("relu")).isInstanceOf(Relu.class);
    }

    @Test
    void reluTakesNoParameters() {
        assertThatThrownBy(() -> create("relu(inplace=true)"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("unknown parameter 'inplace'");
    }
}
