package dev.descent.loss.metric;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Metric;
import dev.descent.api.MetricProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import java.util.List;
import java.util.function.Function;

/** A metric provider made of a name, a description, its parameters and a factory. */
abstract class SimpleMetricProvider implements MetricProvider {
    private final String name;
    private final String description;
    private final List<ParamSpec> params;
    private final Function<Params, Metric> factory;

    SimpleMetricProvider(String name, String description, List<ParamSpec> params, Function<Params, Metric> factory) {
        this.name = requireNonNull(name, "name is null");
        this.description = requireNonNull(description, "description is null");
        this.params = List.copyOf(params);
        this.factory = requireNonNull(factory, "factory is null");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final List<ParamSpec> params() {
        return params;
    }

    @Override
    public final Metric create(Params params) {
        requireNonNull(params, "params is null");
        return factory.apply(params);
    }
}
