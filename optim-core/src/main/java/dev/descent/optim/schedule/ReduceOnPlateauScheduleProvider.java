package dev.descent.optim.schedule;

import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import dev.descent.api.Schedule;
import dev.descent.api.ScheduleProvider;
import dev.descent.optim.schedule.ReduceOnPlateauSchedule.Mode;
import dev.descent.optim.schedule.ReduceOnPlateauSchedule.ThresholdMode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Provides {@code reduce_on_plateau}: {@link ReduceOnPlateauSchedule}, PyTorch's {@code ReduceLROnPlateau}. */
public final class ReduceOnPlateauScheduleProvider implements ScheduleProvider {
    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.choice("mode", "min", Arrays.stream(Mode.values()).map(Mode::word).toList(),
                    "min: the metric should fall (a loss); max: it should rise (an accuracy)"),
            ReduceOnPlateauSchedule.FACTOR,
            ParamSpec.integer("patience", 10, "epochs without improvement tolerated before a reduction").atLeast(0),
            ParamSpec.real("threshold", 1e-4, "the least change that counts as an improvement").atLeast(0),
            ParamSpec.choice("threshold_mode", "rel", Arrays.stream(ThresholdMode.values()).map(ThresholdMode::word)
                    .toList(), "rel: threshold is a fraction of the best metric; abs: an absolute margin"),
            ParamSpec.integer("cooldown", 0, "epochs after a reduction in which bad epochs are not counted")
                    .atLeast(0),
            ParamSpec.real("min_lr", 0.0, "the rate never goes below this").atLeast(0),
            ParamSpec.real("eps", 1e-8, "a reduction changing the rate by this or less is skipped").atLeast(0),
            ScheduleParams.interval(Schedule.Interval.EPOCH));

    public ReduceOnPlateauScheduleProvider() {}

    @Override
    public String name() {
        return ReduceOnPlateauSchedule.NAME;
    }

    @Override
    public String description() {
        return "multiplies the learning rate by factor when the observed metric has not improved for patience"
                + " epochs (torch.optim.lr_scheduler.ReduceLROnPlateau)";
    }

    @Override
    public String whenToUse() {
        return "When a validation metric is reported every epoch and you would rather react to it than fix the"
                + " decay in advance.";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public Schedule create(Params params) {
        return new ReduceOnPlateauSchedule(Mode.valueOf(upper(params.string("mode"))), params.real("factor"),
                params.integer("patience"), params.real("threshold"),
                ThresholdMode.valueOf(upper(params.string("threshold_mode"))), params.integer("cooldown"),
                params.real("min_lr"), params.real("eps"), ScheduleParams.interval(params));
    }

    private static String upper(String word) {
        return word.toUpperCase(Locale.ROOT);
    }
}
