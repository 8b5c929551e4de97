package dev.descent.optim.schedule;

import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import dev.descent.api.Schedule;
import dev.descent.api.ScheduleProvider;
import java.util.List;

/** Provides {@code cosine_annealing}: {@link CosineAnnealingSchedule}, PyTorch's {@code CosineAnnealingLR}. */
public final class CosineAnnealingScheduleProvider implements ScheduleProvider {
    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.integer("t_max", null, "epochs (or steps) from the initial rate down to eta_min; the cosine"
                    + " then rises again").atLeast(1),
            ParamSpec.real("eta_min", 0.0, "the lowest learning rate").atLeast(0),
            ScheduleParams.interval(Schedule.Interval.EPOCH));

    public CosineAnnealingScheduleProvider() {}

    @Override
    public String name() {
        return CosineAnnealingSchedule.NAME;
    }

    @Override
    public String description() {
        return "anneals the learning rate to eta_min along a cosine over t_max epochs"
                + " (torch.optim.lr_scheduler.CosineAnnealingLR, closed form)";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public Schedule create(Params params) {
        return new CosineAnnealingSchedule(params.integer("t_max"), params.real("eta_min"),
                ScheduleParams.interval(params));
    }
}
