package dev.descent.app.registry;

import dev.descent.api.ComponentResolver;
import dev.descent.api.Metric;
import dev.descent.api.MetricProvider;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;

/** The registered metrics, built-in and from plugins: {@code create("...")}, {@code names()}, {@code describe(name)}. */
@Singleton
public final class Metrics extends Registry<Metric> {
    @Inject
    public Metrics(Map<String, MetricProvider> providers, ComponentResolver resolver) {
        super("metric", "metrics", Metric.class, providers, resolver);
    }
}
