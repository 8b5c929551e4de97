package dev.descent.app.registry;

import dev.descent.api.ComponentResolver;
import dev.descent.api.Layer;
import dev.descent.api.LayerProvider;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;

/** The registered layers, built-in and from plugins: {@code create("...")}, {@code names()}, {@code describe(name)}. */
@Singleton
public final class Layers extends Registry<Layer> {
    @Inject
    public Layers(Map<String, LayerProvider> providers, ComponentResolver resolver) {
        super("layer", "layers", Layer.class, providers, resolver);
    }
}
