package dev.descent.app.inject;

import dev.descent.api.ComponentProvider;
import dev.descent.app.registry.Kind;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** The built-in providers of every kind, found once with {@link java.util.ServiceLoader}. */
public record BuiltInProviders(Map<Kind, Map<String, ComponentProvider<?>>> byKind) {

    public BuiltInProviders {
        EnumMap<Kind, Map<String, ComponentProvider<?>>> copy = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            copy.put(kind, Map.copyOf(byKind.getOrDefault(kind, Map.of())));
        }
        byKind = Collections.unmodifiableMap(copy);
    }

    /** The providers {@code loader} sees through {@code META-INF/services}. */
    public static BuiltInProviders discover(ClassLoader loader) {
        Map<Kind, Map<String, ComponentProvider<?>>> byKind = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            byKind.put(kind, Map.copyOf(ProviderDiscovery.load(kind.providerType(), loader)));
        }
        return new BuiltInProviders(byKind);
    }

    /** The providers of one kind by name. */
    public Map<String, ComponentProvider<?>> of(Kind kind) {
        return byKind.get(kind);
    }
}
