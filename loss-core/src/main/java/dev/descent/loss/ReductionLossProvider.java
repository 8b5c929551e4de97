package dev.descent.loss;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Loss;
import dev.descent.api.LossProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import dev.descent.api.Reduction;
import java.util.List;
import java.util.function.Function;

/** The provider of a loss whose only parameter is {@code reduction}: a name, a description, when to use it, a constructor. */
abstract class ReductionLossProvider implements LossProvider {
    private final String name;
    private final List<String> aliases;
    private final String description;
    private final String whenToUse;
    private final Function<Reduction, Loss> factory;

    ReductionLossProvider(String name, List<String> aliases, String description, String whenToUse,
            Function<Reduction, Loss> factory) {
        this.name = requireNonNull(name, "name is null");
        this.aliases = List.copyOf(aliases);
        this.description = requireNonNull(description, "description is null");
        this.whenToUse = requireNonNull(whenToUse, "whenToUse is null");
        this.factory = requireNonNull(factory, "factory is null");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<String> aliases() {
        return aliases;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final String whenToUse() {
        return whenToUse;
    }

    @Override
    public final List<ParamSpec> params() {
        return List.of(Reduction.PARAM);
    }

    @Override
    public final Loss create(Params params) {
        requireNonNull(params, "params is null");
        return factory.apply(Reduction.of(params.string(Reduction.PARAM.name())));
    }
}
