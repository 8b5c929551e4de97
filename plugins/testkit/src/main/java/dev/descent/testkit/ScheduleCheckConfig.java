package dev.descent.testkit;

import static java.util.Objects.requireNonNull;

import dev.descent.api.ComponentResolver;
import java.util.List;

/**
 * What {@link ContractChecks#checkSchedule} checks a schedule with.
 *
 * @param specs the specs to create the schedule from; empty means {@link ContractChecks#defaultSpec}
 * @param resolver builds nested specs
 */
public record ScheduleCheckConfig(List<String> specs, ComponentResolver resolver) {

    public ScheduleCheckConfig {
        specs = List.copyOf(requireNonNull(specs, "specs is null"));
        requireNonNull(resolver, "resolver is null");
    }

    /** The default spec and no nested specs. */
    public static ScheduleCheckConfig defaults() {
        return new ScheduleCheckConfig(List.of(), ComponentResolver.NONE);
    }

    public ScheduleCheckConfig withSpecs(String... newSpecs) {
        return new ScheduleCheckConfig(List.of(newSpecs), resolver);
    }

    public ScheduleCheckConfig withSpecs(List<String> newSpecs) {
        return new ScheduleCheckConfig(newSpecs, resolver);
    }

    public ScheduleCheckConfig withResolver(ComponentResolver newResolver) {
        return new ScheduleCheckConfig(specs, newResolver);
    }
}
