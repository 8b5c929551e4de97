package dev.descent.optim.schedule;

import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import dev.descent.api.Schedule;
import dev.descent.api.ScheduleProvider;
import java.util.List;

/** Provides {@code multi_step_lr}: {@link MultiStepLrSchedule}, PyTorch's {@code MultiStepLR}. */
public final class MultiStepLrScheduleProvider implements ScheduleProvider {
    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.integerList("milestones", null, "the epochs (or steps) at which the rate decays, increasing")
                    .atLeast(0),
            ParamSpec.real("gamma", 0.1, "factor the rate is multiplied by at each milestone").atLeast(0),
            ScheduleParams.interval(Schedule.Interval.EPOCH));

    public MultiStepLrScheduleProvider() {}

    @Override
    public String name() {
        return MultiStepLrSchedule.NAME;
    }

    @Override
    public String description() {
        return "decays the learning rate by gamma at each milestone epoch (torch.optim.lr_scheduler.MultiStepLR)";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public Schedule create(Params params) {
        return new MultiStepLrSchedule(ScheduleParams.integerList(params, "milestones"), params.real("gamma"),
                ScheduleParams.interval(params));
    }
}
