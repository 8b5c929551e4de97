package dev.descent.optim.schedule;

import dev.descent.api.ParamSpec;
import dev.descent.api.Schedule;
import dev.descent.optim.Checks;
import java.util.List;
import java.util.Objects;

/**
 * The argument checks the schedules' constructors share, beyond {@link Checks}, in the project's style:
 * {@code multi_step_lr: milestones must be increasing, got [30, 10]}. The providers' {@code ParamSpec} ranges
 * catch most of these first; the constructors check again for code that builds a schedule directly. Also
 * {@link #passed}, the milestone count both {@code multi_step_lr} and {@code sequential} need.
 */
final class ScheduleChecks {
    private ScheduleChecks() {}

    /** Returns {@code value} if it is at least {@code bound}: {@code step_lr: step_size must be an integer >= 1}. */
    static int atLeast(String owner, String name, int value, int bound) {
        if (value < bound) {
            throw new IllegalArgumentException(owner + ": " + name + " must be an integer >= " + bound + ", got '"
                    + value + "'");
        }
        return value;
    }

    /**
     * Returns {@code value} if it lies in the range of {@code param}, the very declaration the provider lists,
     * so a range is written once: {@code linear_warmup: start_factor must be in (0, 1], got '0'}. NaN is
     * refused too.
     */
    static double inRange(String owner, ParamSpec param, double value) {
        if (Double.isNaN(value) || !param.inRange(value)) {
            throw new IllegalArgumentException(owner + ": " + param.name() + " must be " + param.rangeText() + ", got '"
                    + Checks.format(value) + "'");
        }
        return value;
    }

    /** Returns an unmodifiable copy of {@code values} if each is at least {@code lower} and above the one before. */
    static List<Integer> increasing(String owner, String name, List<Integer> values, int lower) {
        List<Integer> copy = List.copyOf(values);
        for (int i = 0; i < copy.size(); i++) {
            if (i > 0 && copy.get(i) <= copy.get(i - 1)) {
                throw new IllegalArgumentException(owner + ": " + name + " must be increasing, got " + copy);
            }
            if (copy.get(i) < lower) {
                throw new IllegalArgumentException(owner + ": " + name + " must be integers >= " + lower + ", got "
                        + copy);
            }
        }
        return copy;
    }


    static Schedule.Interval interval(String owner, Schedule.Interval interval) {
        return Objects.requireNonNull(interval, () -> owner + ": interval is null");
    }

    /** How many of the increasing {@code milestones} are at most {@code t}: Python's {@code bisect_right}. */
    static int passed(List<Integer> milestones, long t) {
        int count = 0;
        while (count < milestones.size() && milestones.get(count) <= t) {
            count++;
        }
        return count;
    }
}
