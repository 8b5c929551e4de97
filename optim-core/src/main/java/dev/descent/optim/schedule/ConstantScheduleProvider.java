package dev.descent.optim.schedule;

import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import dev.descent.api.Schedule;
import dev.descent.api.ScheduleProvider;
import java.util.List;

/** Provides {@code constant}: {@link ConstantSchedule}, no schedule at all. */
public final class ConstantScheduleProvider implements ScheduleProvider {
    private static final List<ParamSpec> PARAMS = List.of(ScheduleParams.interval(Schedule.Interval.EPOCH));

    public ConstantScheduleProvider() {}

    @Override
    public String name() {
        return ConstantSchedule.NAME;
    }

    @Override
    public String description() {
        return "the initial learning rate throughout: no schedule (not PyTorch's ConstantLR, which scales it for"
                + " a while)";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public Schedule create(Params params) {
        return new ConstantSchedule(ScheduleParams.interval(params));
    }
}
