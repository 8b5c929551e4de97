package dev.descent.optim.schedule;

import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import dev.descent.api.Schedule;
import dev.descent.api.ScheduleProvider;
import java.util.List;

/**
 * Provides {@code sequential}: {@link SequentialSchedule}, PyTorch's {@code SequentialLR}. The nested schedules
 * are created by the host through {@link Params#components}, so any registered schedule, a plugin's too, can
 * take part.
 */
public final class SequentialScheduleProvider implements ScheduleProvider {
    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.componentList("schedules", Schedule.class, null, "the schedules, in order; each starts from"
                    + " its own t = 0 at its milestone"),
            ParamSpec.integerList("milestones", null, "the epochs (or steps) at which the next schedule takes over,"
                    + " increasing, one fewer than the schedules").atLeast(1),
            ScheduleParams.interval(Schedule.Interval.EPOCH));

    public SequentialScheduleProvider() {}

    @Override
    public String name() {
        return SequentialSchedule.NAME;
    }

    @Override
    public String description() {
        return "runs schedules one after another, switching at the milestones, e.g. a warm-up then a cosine"
                + " (torch.optim.lr_scheduler.SequentialLR)";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public Schedule create(Params params) {
        return new SequentialSchedule(params.components("schedules", Schedule.class),
                ScheduleParams.integerList(params, "milestones"), ScheduleParams.interval(params));
    }
}
