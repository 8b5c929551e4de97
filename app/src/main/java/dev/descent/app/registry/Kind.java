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

    /** The kind that creates {@code componentType}, e.g. {@code Optimizer.class}. */
    public static Kind creating(Class<?> componentType) {
        for (Kind kind : values()) {
            if (kind.componentType == componentType) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no registry creates " + componentType.getName()
                + "; nested components may be losses, optimizers, layers, schedules, metrics or transforms");
    }
}
