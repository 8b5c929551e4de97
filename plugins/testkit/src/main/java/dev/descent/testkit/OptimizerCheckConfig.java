package dev.descent.testkit;

import static java.util.Objects.requireNonNull;

import dev.descent.api.ComponentResolver;
import java.util.List;

/**
 * What {@link ContractChecks#checkOptimizer} checks an optimizer with.
 *
 * @param specs the specs to create the optimizer from; empty means {@link ContractChecks#defaultSpec}
 * @param resolver builds nested specs, such as the inner optimizer of a wrapping one
 */
public record OptimizerCheckConfig(List<String> specs, ComponentResolver resolver) {

    public OptimizerCheckConfig {
        specs = List.copyOf(requireNonNull(specs, "specs is null"));
        requireNonNull(resolver, "resolver is null");
    }

    /** The default spec and no nested specs. */
    public static OptimizerCheckConfig defaults() {
        return new OptimizerCheckConfig(List.of(), ComponentResolver.NONE);
    }

    public OptimizerCheckConfig withSpecs(String... newSpecs) {
        return new OptimizerCheckConfig(List.of(newSpecs), resolver);
    }

    public OptimizerCheckConfig withSpecs(List<String> newSpecs) {
        return new OptimizerCheckConfig(newSpecs, resolver);
    }

    public OptimizerCheckConfig withResolver(ComponentResolver newResolver) {
        return new OptimizerCheckConfig(specs, newResolver);
    }
}
