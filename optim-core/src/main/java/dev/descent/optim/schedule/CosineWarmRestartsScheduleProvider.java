package dev.descent.optim.schedule;

import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import dev.descent.api.Schedule;
import dev.descent.api.ScheduleProvider;
import java.util.List;

/** Provides {@code cosine_warm_restarts}: {@link CosineWarmRestartsSchedule}, PyTorch's {@code CosineAnnealingWarmRestarts}. */
public final class CosineWarmRestartsScheduleProvider implements ScheduleProvider {
    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.integer("t_0", null, "epochs (or steps) of the first period, until the first restart").atLeast(1),
            ParamSpec.integer("t_mult", 1, "each period is t_mult times the one before").atLeast(1),
            ParamSpec.real("eta_min", 0.0, "the rate at the end of each period").atLeast(0),
            ScheduleParams.interval(Schedule.Interval.EPOCH));

    public CosineWarmRestartsScheduleProvider() {}

    @Override
    public String name() {
        return CosineWarmRestartsSchedule.NAME;
    }

    @Override
    public String description() {
        return "cosine annealing to eta_min, restarting at the initial rate after t_0 epochs, then t_0 * t_mult, ..."
                + " (torch.optim.lr_scheduler.CosineAnnealingWarmRestarts, SGDR)";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public Schedule create(Params params) {
        return new CosineWarmRestartsSchedule(params.integer("t_0"), params.integer("t_mult"), params.real("eta_min"),
                ScheduleParams.interval(params));
    }
}
