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

/**
 * What every provider test of a PyTorch optimizer checks: found by ServiceLoader, PyTorch's parameter names
 * in PyTorch's order with its defaults and ranges (each written out by the subclass from PyTorch's source,
 * never read from the code under test), a description naming the torch.optim class, and the state keys
 * PyTorch uses. Subclasses pass their expectations to the constructor and add their own refusals, settings
 * and hand-worked steps.
 */
abstract class PyTorchProviderTest {

    private final OptimizerProvider provider;
    private final String torchClass;
    private final List<String> names;
    private final List<Object> defaults;
    private final List<String> ranges;
    private final String specWithAllState;
    private final List<String> stateKeys;

    /**
     * @param torchClass the torch.optim class, e.g. {@code torch.optim.RMSprop}
     * @param names PyTorch's parameter names, in the order of its constructor
     * @param defaults PyTorch's defaults, in that order
     * @param ranges the valid ranges in words, as PyTorch's constructor checks them
     * @param specWithAllState a spec whose optimizer keeps every slot it may keep
     * @param stateKeys PyTorch's state keys, besides step, of a parameter named {@code w} under that spec
     */
    PyTorchProviderTest(OptimizerProvider provider, String torchClass, List<String> names, List<Object> defaults,
            List<String> ranges, String specWithAllState, List<String> stateKeys) {
        this.provider = provider;
        this.torchClass = torchClass;
        this.names = names;
        this.defaults = defaults;
        this.ranges = ranges;
        this.specWithAllState = specWithAllState;
        this.stateKeys = stateKeys;
    }

    final Params params(String spec) {
        return Params.resolve("optimizer '" + provider.name() + "'", provider.params(),
                Spec.parse(spec).arguments(), ComponentResolver.NONE);
    }

    final Optimizer create(String spec) {
        return provider.create(params(spec));
    }

    /** A one-element parameter named {@code w}. */
    static Parameter w(float value) {
        return Parameter.of("w", Tensor.vector(value));
    }

    /** One step of {@code optimizer} on {@code w} with the given gradient. */
    static void step(Optimizer optimizer, Parameter w, float gradient) {
        w.gradient().data()[0] = gradient;
        optimizer.step(List.of(w));
    }

    /** Asserts that {@code spec} is refused by the parameter checks with {@code message}. */
    final void refused(String spec, String message) {
        assertThatThrownBy(() -> params(spec)).isInstanceOf(InvalidParameterException.class).hasMessage(message);
    }

    @Test
    void isFoundByServiceLoader() {
        assertThat(ServiceLoader.load(OptimizerProvider.class).stream().map(found -> found.get().name()))
                .contains(provider.name());
    }

    @Test
    void declaresPyTorchsParametersInOrder() {
        assertThat(provider.params()).extracting(ParamSpec::name).containsExactlyElementsOf(names);
    }

    @Test
    void declaresPyTorchsDefaults() {
        assertThat(provider.params()).extracting(ParamSpec::defaultValue).containsExactlyElementsOf(defaults);
    }

    @Test
    void declaresPyTorchsRanges() {
        assertThat(provider.params()).extracting(ParamSpec::rangeText).containsExactlyElementsOf(ranges);
    }

    @Test
    void describesItselfAndNamesTheTorchClass() {
        assertThat(provider.description()).isNotBlank().doesNotContain("\n").contains(torchClass);
        assertThat(provider.whenToUse()).isNotBlank();
        assertThat(provider.params()).extracting(ParamSpec::doc).allSatisfy(doc -> assertThat(doc).isNotBlank());
    }

    @Test
    void keepsPyTorchsStateKeys() {
        Optimizer optimizer = create(specWithAllState);
        step(optimizer, w(1f), 0.5f);

        assertThat(optimizer.state().numbers()).containsOnlyKeys("lr", "step");
        assertThat(optimizer.state().tensors()).containsOnlyKeys(stateKeys);
    }
}
