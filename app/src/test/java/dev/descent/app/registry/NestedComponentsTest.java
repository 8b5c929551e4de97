package dev.descent.app.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.api.Initializer;
import dev.descent.api.Layer;
import dev.descent.api.Optimizer;
import dev.descent.api.ParamSpec;
import dev.descent.api.Spec;
import dev.descent.api.Tensor;
import dev.descent.app.Descent;
import dev.descent.app.inject.BuiltInProviders;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A parameter whose nested spec is of a kind no registry creates: linear's {@code init}, an
 * {@link Initializer}. It is described, validated and created like a registry kind's.
 */
class NestedComponentsTest {
    private static final Descent DESCENT = Descent.builder().build();

    private static ParamSpec init() {
        return DESCENT.layers().describe("linear").params().stream().filter(p -> p.name().equals("init"))
                .findFirst().orElseThrow();
    }

    @Test
    void linearDescribesItsInitAsAnInitializerSpec() {
        ParamSpec init = init();

        assertThat(init.type()).isEqualTo(ParamSpec.Type.COMPONENT);
        assertThat(init.typeText()).isEqualTo("initializer spec");
        assertThat(init.defaultText()).startsWith("kaiming_uniform(a=2.236");
        assertThat(DESCENT.layers().describe("linear").exampleSpec()).contains(", init=kaiming_uniform(a=2.236");
    }

    @Test
    void linearDrawsItsWeightsWithTheInitializerItNames() {
        Layer layer = DESCENT.layers().create("linear(in_features=2, out_features=3, init=ones)");
        layer.initialize(new int[] {2}, new SplittableRandom(7));

        assertThat(layer.parameters().get(0).value().data()).containsOnly(1f).hasSize(6);
    }

    @Test
    void anInitThatIsNotASpecIsRefusedSayingWhatItShouldBe() {
        assertThatThrownBy(() -> DESCENT.layers().create("linear(out_features=3, init=3)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("init").hasMessageContaining("initializer spec");
    }

    @Test
    void anUnknownInitializerIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> DESCENT.layers().create("linear(out_features=3, init=xavier_unifrom)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown initializer 'xavier_unifrom'")
                .hasMessageContaining("xavier_uniform");
    }

    @Test
    void theResolversCreateInitializersThoughNoRegistryDoes() {
        LocalRegistries local = LocalRegistries.of(BuiltInProviders.discover(getClass().getClassLoader()).byKind(),
                Map.of());
        Tensor weight = Tensor.zeros(2, 2);

        local.create(Initializer.class, Spec.parse("ones")).initialize(weight, new SplittableRandom(1));

        assertThat(weight.data()).containsOnly(1f);
        assertThat(Kind.find(Initializer.class)).isEmpty();
        assertThat(Kind.find(Optimizer.class)).contains(Kind.OPTIMIZER);
        assertThat(local.create(Optimizer.class, Spec.parse("sgd(lr=0.5)")).learningRate()).isEqualTo(0.5);
    }

    @Test
    void aKindNothingCreatesIsANamedError() {
        LocalRegistries local = LocalRegistries.of(BuiltInProviders.discover(getClass().getClassLoader()).byKind(),
                Map.of());

        assertThatThrownBy(() -> local.create(Tensor.class, Spec.parse("zeros")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot create 'zeros' as a nested dev.descent.api.Tensor: nested components are losses,"
                        + " optimizers, layers, schedules, metrics or transforms (each from its registry) or"
                        + " initializers");
        assertThatThrownBy(() -> Kind.creating(Initializer.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no registry creates dev.descent.api.Initializer; nested components are");
    }
}
