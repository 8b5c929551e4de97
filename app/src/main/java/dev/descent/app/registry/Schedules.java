package dev.descent.app.registry;

import dev.descent.api.ComponentResolver;
import dev.descent.api.Schedule;
import dev.descent.api.ScheduleProvider;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;

/** The registered schedules, built-in and from plugins: {@code create("...")}, {@code names()}, {@code describe(name)}. */
@Singleton
public final class Schedules extends Registry<Schedule> {
    @Inject
    public Schedules(Map<String, ScheduleProvider> providers, ComponentResolver resolver) {
        super("schedule", "schedules", Schedule.class, providers, resolver);
    }
}
