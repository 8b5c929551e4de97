package dev.descent.optim.schedule;

import dev.descent.api.Schedule;
import dev.descent.optim.Checks;

/**
 * No schedule: the initial learning rate at every epoch or step. Unlike PyTorch's {@code ConstantLR},
 * which multiplies the rate by a factor until a given epoch, this leaves the rate alone.
 *
 * @param interval whether {@code t} counts epochs or steps (it changes nothing here)
 */
public record ConstantSchedule(Interval interval) implements Schedule {
    static final String NAME = "constant";

    public ConstantSchedule {
        ScheduleChecks.interval(NAME, interval);
    }

    /** Advanced once an epoch. */
    public ConstantSchedule() {
        this(Interval.EPOCH);
    }

    @Override
    public double learningRate(long t, double initialLearningRate) {
        Checks.step(NAME, t);
        return initialLearningRate;
    }
}
