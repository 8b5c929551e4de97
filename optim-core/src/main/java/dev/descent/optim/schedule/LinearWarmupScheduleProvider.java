package dev.descent.optim.schedule;

import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import dev.descent.api.Schedule;
import dev.descent.api.ScheduleProvider;
import java.util.List;

/** Provides {@code linear_warmup}: {@link LinearWarmupSchedule}, PyTorch's {@code LinearLR} with {@code end_factor=1}. */
public final class LinearWarmupScheduleProvider implements ScheduleProvider {
    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.integer("warmup_steps", null, "epochs (or steps) until the initial rate is reached (PyTorch's"
                    + " total_iters)").atLeast(1),
            LinearWarmupSchedule.START_FACTOR,
            ScheduleParams.interval(Schedule.Interval.EPOCH));

    public LinearWarmupScheduleProvider() {}

    @Override
    public String name() {
        return LinearWarmupSchedule.NAME;
    }

    @Override
    public String description() {
        return "raises the learning rate linearly from start_factor times the initial rate to the initial rate over"
                + " warmup_steps epochs (torch.optim.lr_scheduler.LinearLR, end_factor=1)";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public Schedule create(Params params) {
        return new LinearWarmupSchedule(params.integer("warmup_steps"), params.real("start_factor"),
                ScheduleParams.interval(params));
    }
}
