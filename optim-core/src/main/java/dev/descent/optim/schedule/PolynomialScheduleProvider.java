package dev.descent.optim.schedule;

import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import dev.descent.api.Schedule;
import dev.descent.api.ScheduleProvider;
import java.util.List;

/** Provides {@code polynomial}: {@link PolynomialSchedule}, PyTorch's {@code PolynomialLR}. */
public final class PolynomialScheduleProvider implements ScheduleProvider {
    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.integer("total_iters", 5, "epochs (or steps) until the rate reaches 0").atLeast(1),
            ParamSpec.real("power", 1.0, "the exponent of the decay: 1 linear, 2 quadratic").atLeast(0),
            ScheduleParams.interval(Schedule.Interval.EPOCH));

    public PolynomialScheduleProvider() {}

    @Override
    public String name() {
        return PolynomialSchedule.NAME;
    }

    @Override
    public String description() {
        return "decays the learning rate to 0 over total_iters epochs along (1 - t / total_iters)^power"
                + " (torch.optim.lr_scheduler.PolynomialLR)";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public Schedule create(Params params) {
        return new PolynomialSchedule(params.integer("total_iters"), params.real("power"), ScheduleParams.interval(params));
    }
}
