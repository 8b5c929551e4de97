package dev.descent.app.registry;

import dev.descent.api.ComponentProvider;
import dev.descent.api.ComponentResolver;
import dev.descent.api.Spec;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Registries built directly from provider maps, without Guice: what the plugin loader uses to try a
 * plugin's providers (nested specs included) before the application's registries exist.
 */
public final class LocalRegistries implements ComponentResolver {
    private final Map<Kind, Registry<?>> registries = new EnumMap<>(Kind.class);

    /** @param providers by kind, keyed as the registries key them (name, or {@code pluginId:name}) */
    public LocalRegistries(Map<Kind, Map<String, ComponentProvider<?>>> providers) {
        for (Kind kind : Kind.values()) {
            registries.put(kind, registry(kind, providers.getOrDefault(kind, Map.of())));
        }
    }

    /** Registries over the built-ins and one plugin's providers (keyed {@code pluginId:name}) together. */
    public static LocalRegistries of(Map<Kind, Map<String, ComponentProvider<?>>> builtIns,
            Map<Kind, Map<String, ComponentProvider<?>>> pluginProviders) {
        Map<Kind, Map<String, ComponentProvider<?>>> visible = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            Map<String, ComponentProvider<?>> providers = new LinkedHashMap<>(builtIns.getOrDefault(kind, Map.of()));
            providers.putAll(pluginProviders.getOrDefault(kind, Map.of()));
            visible.put(kind, providers);
        }
        return new LocalRegistries(visible);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Registry<?> registry(Kind kind, Map<String, ComponentProvider<?>> providers) {
        return new Registry(kind.word(), kind.plural(), kind.componentType(), providers, this) {};
    }

    public Registry<?> registry(Kind kind) {
        return registries.get(kind);
    }

    @Override
    public <T> T create(Class<T> kind, Spec spec) {
        return NestedComponents.create(kind, spec, registries::get);
    }
}
