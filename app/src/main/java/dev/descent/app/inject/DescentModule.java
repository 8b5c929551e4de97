package dev.descent.app.inject;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import dev.descent.api.ComponentProvider;
import dev.descent.api.ComponentResolver;
import dev.descent.api.LayerProvider;
import dev.descent.api.LossProvider;
import dev.descent.api.OptimizerProvider;
import dev.descent.api.ScheduleProvider;
import dev.descent.app.registry.RegistryResolver;

/**
 * Binds one {@code MapBinder<String, XxxProvider>} per kind, filled with the built-in providers found
 * by {@link java.util.ServiceLoader}; the registries ({@code Losses}, {@code Optimizers}, {@code Layers},
 * {@code Schedules}) are built from those maps.
 *
 * <p>An embedding program adds a provider of its own from its own module, under its name:
 * <pre>{@code
 * MapBinder.newMapBinder(binder(), String.class, LossProvider.class).addBinding("my_loss").toInstance(new MyLossProvider());
 * }</pre>
 */
public final class DescentModule extends AbstractModule {
    private final ClassLoader builtIns;

    /** Built-ins from the class loader that loaded Descent. */
    public DescentModule() {
        this(DescentModule.class.getClassLoader());
    }

    /** Built-ins from {@code builtIns}. */
    public DescentModule(ClassLoader builtIns) {
        this.builtIns = builtIns;
    }

    @Override
    protected void configure() {
        bindProviders(LossProvider.class);
        bindProviders(OptimizerProvider.class);
        bindProviders(LayerProvider.class);
        bindProviders(ScheduleProvider.class);
        bind(ComponentResolver.class).to(RegistryResolver.class);
    }

    private <P extends ComponentProvider<?>> void bindProviders(Class<P> type) {
        MapBinder<String, P> providers = MapBinder.newMapBinder(binder(), String.class, type);
        ProviderDiscovery.load(type, builtIns).forEach((name, provider) -> providers.addBinding(name).toInstance(provider));
    }
}
