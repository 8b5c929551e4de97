package dev.descent.app.registry;

import dev.descent.api.ComponentResolver;
import dev.descent.api.Spec;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

/**
 * Creates nested components, such as the inner optimizer of {@code lookahead(inner=adam)}, through the
 * registries (an initialiser from nn-core's catalogue, see {@link NestedComponents}). It takes them through Guice {@code Provider}s because each registry in turn needs it.
 */
@Singleton
public final class RegistryResolver implements ComponentResolver {
    private final Provider<Losses> losses;
    private final Provider<Optimizers> optimizers;
    private final Provider<Layers> layers;
    private final Provider<Schedules> schedules;
    private final Provider<Metrics> metrics;
    private final Provider<Transforms> transforms;

    @Inject
    public RegistryResolver(Provider<Losses> losses, Provider<Optimizers> optimizers, Provider<Layers> layers,
            Provider<Schedules> schedules, Provider<Metrics> metrics, Provider<Transforms> transforms) {
        this.losses = losses;
        this.optimizers = optimizers;
        this.layers = layers;
        this.schedules = schedules;
        this.metrics = metrics;
        this.transforms = transforms;
    }

    @Override
    public <T> T create(Class<T> kind, Spec spec) {
        return NestedComponents.create(kind, spec, registryKind -> switch (registryKind) {
            case LOSS -> losses.get();
            case OPTIMIZER -> optimizers.get();
            case LAYER -> layers.get();
            case SCHEDULE -> schedules.get();
            case METRIC -> metrics.get();
            case TRANSFORM -> transforms.get();
        });
    }
}
