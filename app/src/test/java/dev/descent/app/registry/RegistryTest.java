package dev.descent.app.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.api.ComponentProvider;
import dev.descent.api.ComponentResolver;
import dev.descent.api.InvalidParameterException;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import dev.descent.api.UnknownNameException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryTest {

    /** A component that remembers the parameters it was made with. */
    record Made(String provider, Params params) {}

    static ComponentProvider<Made> provider(String name, String... aliases) {
        return new ComponentProvider<>() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<String> aliases() {
                return List.of(aliases);
            }

            @Override
            public String description() {
                return "test component " + name;
            }

            @Override
            public List<ParamSpec> params() {
                return List.of(ParamSpec.real("lr", 0.5, "rate").atLeast(0));
            }

            @Override
            public Made create(Params params) {
                return new Made(name, params);
            }
        };
    }

    static Registry<Made> registry(Map<String, ComponentProvider<Made>> providers) {
        return new Registry<>("widget", "widgets", Made.class, providers, ComponentResolver.NONE) {};
    }

    @SafeVarargs
    static Registry<Made> registry(ComponentProvider<Made>... builtIns) {
        Map<String, ComponentProvider<Made>> providers = new LinkedHashMap<>();
        for (ComponentProvider<Made> p : builtIns) {
            providers.put(p.name(), p);
        }
        return registry(providers);
    }

    @Test
    void createsFromSpecWithParameters() {
        Made made = registry(provider("mse")).create("mse(lr=0.25)");

        assertThat(made.provider()).isEqualTo("mse");
        assertThat(made.params().real("lr")).isEqualTo(0.25);
    }

    @Test
    void aliasResolvesToItsCanonicalProvider() {
        Registry<Made> registry = registry(provider("l1", "mae"));

        assertThat(registry.create("mae").provider()).isEqualTo("l1");
        assertThat(registry.describe("mae").name()).isEqualTo("l1");
        assertThat(registry.names()).containsExactly("l1");
    }

    @Test
    void unknownNameSuggestsTheNearest() {
        Registry<Made> registry = registry(provider("mse"), provider("l1", "mae"), provider("huber"));

        assertThatThrownBy(() -> registry.create("mse2"))
                .isInstanceOf(UnknownNameException.class)
                .hasMessage("unknown widget 'mse2'; did you mean 'mse'?");
    }

    @Test
    void unknownNameWithNothingNearListsTheKnownNames() {
        Registry<Made> registry = registry(provider("mse"), provider("huber"));

        assertThatThrownBy(() -> registry.create("zzzzzzzz"))
                .hasMessage("unknown widget 'zzzzzzzz'; known widget names: huber, mse");
    }

    @Test
    void invalidParameterNamesTheComponent() {
        Registry<Made> registry = registry(provider("sgd"));

        assertThatThrownBy(() -> registry.create("sgd(lr=-1)"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("parameter 'lr' of widget 'sgd' must be >= 0, got -1");
    }

    @Test
    void pluginProviderIsReachableQualifiedAndBare() {
        Map<String, ComponentProvider<Made>> providers = new LinkedHashMap<>();
        providers.put("acme:focal", provider("focal"));
        Registry<Made> registry = registry(providers);

        assertThat(registry.create("acme:focal").provider()).isEqualTo("focal");
        assertThat(registry.create("focal").provider()).isEqualTo("focal");
        assertThat(registry.describe("focal").plugin()).isEqualTo("acme");
    }

    @Test
    void builtInKeepsItsBareNameWhenAPluginBringsTheSame() {
        ComponentProvider<Made> builtIn = provider("mse");
        ComponentProvider<Made> plugin = provider("mse");
        Map<String, ComponentProvider<Made>> providers = new LinkedHashMap<>();
        providers.put("acme:mse", plugin);
        providers.put("mse", builtIn);
        Registry<Made> registry = registry(providers);

        assertThat(registry.provider("mse")).isSameAs(builtIn);
        assertThat(registry.provider("acme:mse")).isSameAs(plugin);
    }

    @Test
    void nameSharedByTwoPluginsMustBeQualified() {
        Map<String, ComponentProvider<Made>> providers = new LinkedHashMap<>();
        providers.put("acme:focal", provider("focal"));
        providers.put("zeta:focal", provider("focal"));
        Registry<Made> registry = registry(providers);

        assertThatThrownBy(() -> registry.create("focal"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("widget 'focal' is provided by several plugins; name one of: acme:focal, zeta:focal");
        assertThat(registry.create("zeta:focal").provider()).isEqualTo("focal");
    }

    @Test
    void twoBuiltInsClaimingOneAliasAreRefused() {
        assertThatThrownBy(() -> registry(provider("l1", "mae"), provider("mean_abs", "mae")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("widget name 'mae' is claimed by both 'l1'")
                .hasMessageContaining("and 'mean_abs'");
    }

    @Test
    void nameThatIsNotSnakeCaseIsRefused() {
        assertThatThrownBy(() -> registry(provider("MeanSquared")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has name 'MeanSquared'; a name is snake_case");
    }

    @Test
    void keyMustMatchTheProvidersName() {
        Map<String, ComponentProvider<Made>> providers = new LinkedHashMap<>();
        providers.put("other", provider("mse"));

        assertThatThrownBy(() -> registry(providers))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is bound as 'other'; expected 'mse' or 'pluginId:mse'");
    }

    @Test
    void describeGivesParametersAndAnExample() {
        Description description = registry(provider("sgd")).describe("sgd");

        assertThat(description.kind()).isEqualTo("widget");
        assertThat(description.origin()).isEqualTo("built-in");
        assertThat(description.params()).extracting(ParamSpec::name).containsExactly("lr");
        assertThat(description.exampleSpec()).isEqualTo("sgd(lr=0.5)");
    }

    @Test
    void anExampleShowsARequiredParameterAsAPlaceholderOfItsType() {
        Description description = new Description("schedule", "step_lr", List.of(), "decays", "", List.of(
                ParamSpec.integer("step_size", null, "epochs between decays").atLeast(1),
                ParamSpec.real("gamma", 0.1, "factor"),
                ParamSpec.real("clip", null, "optional bound").optional()), null, "StepLrProvider");

        assertThat(description.exampleSpec()).isEqualTo("step_lr(step_size=<integer >= 1>, gamma=0.1)");
    }

    @Test
    void anExampleWritesARequiredVariadicParameterFirstWithoutItsName() {
        Description description = new Description("optimizer", "chain", List.of(), "composes", "", List.of(
                ParamSpec.real("scale", 1.0, "a factor"),
                ParamSpec.componentList("steps", dev.descent.api.Optimizer.class, null, "steps").variadic()),
                null, "ChainProvider");

        assertThat(description.exampleSpec()).isEqualTo("chain(<list of optimizer specs>, scale=1)");
    }
}
