package dev.descent.api;

/** Service interface for schedules: list an implementation in {@code META-INF/services/dev.descent.api.ScheduleProvider}. */
public interface ScheduleProvider extends ComponentProvider<Schedule> {}
