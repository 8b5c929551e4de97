package dev.descent.optim.schedule;

import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import dev.descent.api.Schedule;
import dev.descent.api.ScheduleProvider;
import java.util.List;

/** Provides {@code step_lr}: {@link StepLrSchedule}, PyTorch's {@code StepLR}. */
public final class StepLrScheduleProvider implements ScheduleProvider {
    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.integer("step_size", null, "epochs (or steps) between two decays").atLeast(1),
            ParamSpec.real("gamma", 0.1, "factor the rate is multiplied by at each decay").atLeast(0),
            ScheduleParams.interval(Schedule.Interval.EPOCH));

    public StepLrScheduleProvider() {}

    @Override
    public String name() {
        return StepLrSchedule.NAME;
    }

    @Override
    public String description() {
        return "decays the learning rate by gamma every step_size epochs (torch.optim.lr_scheduler.StepLR)";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public Schedule create(Params params) {
        return new StepLrSchedule(params.integer("step_size"), params.real("gamma"),
                ScheduleParams.interval(params));
    }
}
