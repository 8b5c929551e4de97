package dev.descent.app.inject;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import dev.descent.api.ComponentProvider;
import dev.descent.api.ComponentResolver;
import dev.descent.app.plugin.LoadedPlugins;
import dev.descent.app.registry.Kind;
import dev.descent.app.registry.RegistryResolver;

/**
 * Binds one {@code MapBinder<String, XxxProvider>} per kind, filled with the built-in providers under
 * their names and the loaded plugins' providers under {@code pluginId:name}; the registries
 * ({@code Losses}, {@code Optimizers}, {@code Layers}, {@code Schedules}) are built from those maps.
 *
 * <p>An embedding program adds a provider of its own from its own module, under its name:
 * <pre>{@code
 * MapBinder.newMapBinder(binder(), String.class, LossProvider.class).addBinding("my_loss").toInstance(new MyLossProvider());
 * }</pre>
 */
public final class DescentModule extends AbstractModule {
    private final BuiltInProviders builtIns;
    private final LoadedPlugins plugins;

    /** The built-ins of the class loader that loaded Descent, and no plugins. */
    public DescentModule() {
        this(BuiltInProviders.discover(DescentModule.class.getClassLoader()), LoadedPlugins.none());
    }

    /** The given built-ins and plugins, as {@code Descent.builder()} prepares them. */
    public DescentModule(BuiltInProviders builtIns, LoadedPlugins plugins) {
        this.builtIns = requireNonNull(builtIns, "builtIns is null");
        this.plugins = requireNonNull(plugins, "plugins is null");
    }

    @Override
    protected void configure() {
        for (Kind kind : Kind.values()) {
            MapBinder<String, ComponentProvider<?>> providers = mapBinder(kind);
            builtIns.of(kind).forEach((name, provider) -> providers.addBinding(name).toInstance(provider));
            plugins.of(kind).forEach((key, provider) -> providers.addBinding(key).toInstance(provider));
        }
        bind(LoadedPlugins.class).toInstance(plugins);
        bind(ComponentResolver.class).to(RegistryResolver.class);
    }

    /** The kind's MapBinder; the cast only widens the value type the registries read back. */
    @SuppressWarnings("unchecked")
    private MapBinder<String, ComponentProvider<?>> mapBinder(Kind kind) {
        return MapBinder.newMapBinder(binder(), String.class, (Class<ComponentProvider<?>>) kind.providerType());
    }
}
