package dev.descent.optim.schedule;

import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import dev.descent.api.Schedule;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The {@code interval} parameter every built-in schedule takes, declared once so all say it alike, and reading
 * list parameters.
 */
final class ScheduleParams {
    static final String INTERVAL = "interval";

    private ScheduleParams() {}

    /** {@code interval}: {@code epoch} or {@code step}, what the schedule's {@code t} counts. */
    static ParamSpec interval(Schedule.Interval byDefault) {
        List<String> words = Arrays.stream(Schedule.Interval.values()).map(Schedule.Interval::word).toList();
        return ParamSpec.choice(INTERVAL, byDefault.word(), words, "whether t counts epochs (the schedule is advanced"
                + " once an epoch) or optimizer steps (once a batch)");
    }

    /** An integer-list parameter as a list, as the schedules keep it. */
    static List<Integer> integerList(Params params, String name) {
        return Arrays.stream(params.integers(name)).boxed().toList();
    }

    /** The validated {@code interval} of a schedule's parameters. */
    static Schedule.Interval interval(Params params) {
        return Schedule.Interval.valueOf(params.string(INTERVAL).toUpperCase(Locale.ROOT));
    }
}
