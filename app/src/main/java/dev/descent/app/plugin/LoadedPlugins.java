package dev.descent.app.plugin;

import dev.descent.api.ComponentProvider;
import dev.descent.app.registry.Kind;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a plugin folder gave: every plugin found, loaded or refused, and the providers of the loaded ones
 * keyed {@code pluginId:name}, each wrapped so calls into it run under the plugin's class loader.
 *
 * @param folder the folder read, or null when no folder was given
 */
public record LoadedPlugins(Path folder, List<Plugin> plugins, Map<Kind, Map<String, ComponentProvider<?>>> providers) {

    public LoadedPlugins {
        plugins = List.copyOf(plugins);
        EnumMap<Kind, Map<String, ComponentProvider<?>>> copy = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            copy.put(kind, Map.copyOf(providers.getOrDefault(kind, Map.of())));
        }
        providers = Collections.unmodifiableMap(copy);
    }

    /** No plugin folder. */
    public static LoadedPlugins none() {
        return new LoadedPlugins(null, List.of(), Map.of());
    }

    public Map<String, ComponentProvider<?>> of(Kind kind) {
        return providers.get(kind);
    }
}
