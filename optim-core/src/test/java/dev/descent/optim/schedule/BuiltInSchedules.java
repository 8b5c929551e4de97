package dev.descent.optim.schedule;

import dev.descent.api.Schedule;
import dev.descent.api.ScheduleProvider;
import dev.descent.api.Spec;
import dev.descent.testkit.ProviderResolver;
import java.util.List;
import java.util.ServiceLoader;

/** The registered schedule providers, and schedules created from specs as the host creates them. */
final class BuiltInSchedules {
    private BuiltInSchedules() {}

    static List<ScheduleProvider> providers() {
        return ServiceLoader.load(ScheduleProvider.class).stream().map(ServiceLoader.Provider::get).toList();
    }

    /** Resolves nested specs ({@code sequential}'s schedules) among the registered schedules. */
    static ProviderResolver resolver() {
        return new ProviderResolver(providers());
    }

    /** The schedule a spec makes, its parameters validated against the provider's, nested specs resolved. */
    static Schedule create(String spec) {
        return resolver().create(Schedule.class, Spec.parse(spec));
    }
}
