package dev.descent.app.registry;

import dev.descent.api.ComponentProvider;
import dev.descent.api.GradientTransform;
import dev.descent.api.Layer;
import dev.descent.api.LayerProvider;
import dev.descent.api.Loss;
import dev.descent.api.LossProvider;
import dev.descent.api.Metric;
import dev.descent.api.MetricProvider;
import dev.descent.api.Optimizer;
import dev.descent.api.OptimizerProvider;
import dev.descent.api.Schedule;
import dev.descent.api.ScheduleProvider;
import dev.descent.api.TransformProvider;
import java.util.List;
import java.util.Optional;

/** The kinds of component a plugin can bring, with their SPI and the words used for them. */
public enum Kind {
    LOSS("loss", "losses", LossProvider.class, Loss.class),
    OPTIMIZER("optimizer", "optimizers", OptimizerProvider.class, Optimizer.class),
    LAYER("layer", "layers", LayerProvider.class, Layer.class),
    SCHEDULE("schedule", "schedules", ScheduleProvider.class, Schedule.class),
    METRIC("metric", "metrics", MetricProvider.class, Metric.class),
    TRANSFORM("transform", "transforms", TransformProvider.class, GradientTransform.class);

    private final String word;
    private final String plural;
    private final Class<? extends ComponentProvider<?>> providerType;
    private final Class<?> componentType;

    Kind(String word, String plural, Class<? extends ComponentProvider<?>> providerType, Class<?> componentType) {
        this.word = word;
        this.plural = plural;
        this.providerType = providerType;
        this.componentType = componentType;
    }

    /** {@code loss}. */
    public String word() {
        return word;
    }

    /** {@code losses}. */
    public String plural() {
        return plural;
    }

    /** The SPI, e.g. {@code LossProvider.class}; its services file is {@code META-INF/services/} + its name. */
    public Class<? extends ComponentProvider<?>> providerType() {
        return providerType;
    }

    /** What the providers create, e.g. {@code Loss.class}. */
    public Class<?> componentType() {
        return componentType;
    }

    /** The kind whose SPI {@code provider} implements. */
    public static Kind of(ComponentProvider<?> provider) {
        for (Kind kind : values()) {
            if (kind.providerType.isInstance(provider)) {
                return kind;
            }
        }
        throw new IllegalArgumentException(provider.getClass().getName() + " implements none of the provider interfaces "
                + List.of(values()).stream().map(k -> k.providerType.getSimpleName()).toList());
    }

    /** What a nested spec may create, for messages. */
    static final String NESTED_KINDS = "nested components are losses, optimizers, layers, schedules, metrics or"
            + " transforms (each from its registry) or initializers";

    /** The kind whose registry creates {@code componentType}, e.g. {@code Optimizer.class}; empty for another type. */
    public static Optional<Kind> find(Class<?> componentType) {
        for (Kind kind : values()) {
            if (kind.componentType == componentType) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /**
     * The kind whose registry creates {@code componentType}.
     *
     * @throws IllegalArgumentException if no registry does (an {@code Initializer}, for one: a layer's
     *     {@code init} parameter is a nested spec of a kind without a registry)
     */
    public static Kind creating(Class<?> componentType) {
        return find(componentType).orElseThrow(() -> new IllegalArgumentException("no registry creates "
                + componentType.getName() + "; " + NESTED_KINDS));
    }
}
