package dev.descent.nn;

import dev.descent.api.ComponentResolver;
import dev.descent.api.Layer;
import dev.descent.api.LayerProvider;
import dev.descent.api.Params;
import dev.descent.api.Spec;
import java.util.ServiceLoader;

/**
 * Creates layers from specs through the registered providers, nested ones (linear's {@code activation}) too,
 * as the app's registry would; for the tests of nn-core, which has no registry.
 */
final class LayerResolver implements ComponentResolver {
    static final LayerResolver INSTANCE = new LayerResolver();

    private LayerResolver() {}

    /** The layer a spec makes, through its provider, as a config would create it. */
    static Layer layer(Spec spec) {
        LayerProvider provider = ServiceLoader.load(LayerProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals(spec.name()) || p.aliases().contains(spec.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no LayerProvider named '" + spec.name() + "' for spec '"
                        + spec + "'"));
        return provider.create(Params.resolve("layer '" + provider.name() + "'", provider.params(),
                spec.arguments(), INSTANCE));
    }

    @Override
    public <T> T create(Class<T> kind, Spec spec) {
        if (kind != Layer.class) {
            throw new IllegalStateException("the nn-core tests create nested layers only, not a "
                    + kind.getSimpleName() + " '" + spec + "'");
        }
        return kind.cast(layer(spec));
    }
}
