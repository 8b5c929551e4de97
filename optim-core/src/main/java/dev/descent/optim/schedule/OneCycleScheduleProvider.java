package dev.descent.optim.schedule;

import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import dev.descent.api.Schedule;
import dev.descent.api.ScheduleProvider;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Provides {@code one_cycle}: {@link OneCycleSchedule}, PyTorch's {@code OneCycleLR} without momentum cycling. */
public final class OneCycleScheduleProvider implements ScheduleProvider {
    private static final List<ParamSpec> PARAMS = List.of(
            OneCycleSchedule.MAX_LR,
            ParamSpec.integer("total_steps", null, "the steps (batches) of the whole cycle").atLeast(1),
            OneCycleSchedule.PCT_START,
            ParamSpec.choice("anneal_strategy", "cos",
                    Arrays.stream(OneCycleSchedule.Anneal.values()).map(OneCycleSchedule.Anneal::word).toList(),
                    "how each phase moves between its rates: along half a cosine, or a straight line"),
            OneCycleSchedule.DIV_FACTOR,
            OneCycleSchedule.FINAL_DIV_FACTOR,
            ParamSpec.bool("three_phase", false, "come back down to the first rate before annealing to the last"
                    + " (the original paper), instead of annealing straight from max_lr (fastai)"),
            // PyTorch's OneCycleLR is stepped once a batch.
            ScheduleParams.interval(Schedule.Interval.STEP));

    public OneCycleScheduleProvider() {}

    @Override
    public String name() {
        return OneCycleSchedule.NAME;
    }

    @Override
    public String description() {
        return "the 1cycle policy: up from max_lr / div_factor to max_lr, then down far below, over total_steps"
                + " batches (torch.optim.lr_scheduler.OneCycleLR, without momentum cycling)";
    }

    @Override
    public String whenToUse() {
        return "Fast training on a fixed budget of steps; it sets the rate itself, ignoring the optimizer's lr."
                + " Stepped per batch unless interval=epoch.";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public Schedule create(Params params) {
        return new OneCycleSchedule(params.real("max_lr"), params.integer("total_steps"), params.real("pct_start"),
                OneCycleSchedule.Anneal.valueOf(params.string("anneal_strategy").toUpperCase(Locale.ROOT)),
                params.real("div_factor"), params.real("final_div_factor"), params.bool("three_phase"),
                ScheduleParams.interval(params));
    }
}
