package dev.descent.optim.schedule;

import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import dev.descent.api.Schedule;
import dev.descent.api.ScheduleProvider;
import java.util.List;

/** Provides {@code exponential}: {@link ExponentialSchedule}, PyTorch's {@code ExponentialLR}. */
public final class ExponentialScheduleProvider implements ScheduleProvider {
    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.real("gamma", null, "factor the rate is multiplied by every epoch (or step)").atLeast(0),
            ScheduleParams.interval(Schedule.Interval.EPOCH));

    public ExponentialScheduleProvider() {}

    @Override
    public String name() {
        return ExponentialSchedule.NAME;
    }

    @Override
    public String description() {
        return "decays the learning rate by gamma every epoch (torch.optim.lr_scheduler.ExponentialLR)";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public Schedule create(Params params) {
        return new ExponentialSchedule(params.real("gamma"), ScheduleParams.interval(params));
    }
}
