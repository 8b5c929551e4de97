package dev.descent.testkit;

import static java.util.Objects.requireNonNull;

import dev.descent.api.ComponentResolver;
import java.util.List;

/**
 * What {@link ContractChecks#checkTransform} checks a gradient transform with.
 *
 * @param specs the specs to create the transform from; empty means {@link ContractChecks#defaultSpec}
 * @param resolver builds nested specs
 */
public record TransformCheckConfig(List<String> specs, ComponentResolver resolver) {

    public TransformCheckConfig {
        specs = List.copyOf(requireNonNull(specs, "specs is null"));
        requireNonNull(resolver, "resolver is null");
    }

    /** The default spec and no nested specs. */
    public static TransformCheckConfig defaults() {
        return new TransformCheckConfig(List.of(), ComponentResolver.NONE);
    }

    public TransformCheckConfig withSpecs(String... newSpecs) {
        return new TransformCheckConfig(List.of(newSpecs), resolver);
    }

    public TransformCheckConfig withSpecs(List<String> newSpecs) {
        return new TransformCheckConfig(newSpecs, resolver);
    }

    public TransformCheckConfig withResolver(ComponentResolver newResolver) {
        return new TransformCheckConfig(specs, newResolver);
    }
}
