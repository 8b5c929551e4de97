package dev.descent.optim.schedule;

import dev.descent.api.Schedule;
import dev.descent.optim.Checks;

/**
 * PyTorch's {@code StepLR}: the rate decays by {@code gamma} every {@code stepSize} epochs,
 * {@code lr = initial * gamma^floor(t / stepSize)}. This is PyTorch's closed form
 * ({@code _get_closed_form_lr}); its recursive form, multiplying by {@code gamma} at each boundary,
 * agrees with it up to rounding (1e-15 relative over the fixtures' epochs).
 *
 * @param stepSize epochs (or steps) between two decays, {@code >= 1}
 * @param gamma the factor applied at each decay, {@code >= 0}
 * @param interval whether {@code t} counts epochs or steps
 */
public record StepLrSchedule(int stepSize, double gamma, Interval interval) implements Schedule {
    static final String NAME = "step_lr";

    public StepLrSchedule {
        ScheduleChecks.atLeast(NAME, "step_size", stepSize, 1);
        Checks.atLeast(NAME, "gamma", gamma, 0);
        ScheduleChecks.interval(NAME, interval);
    }

    /** Advanced once an epoch. */
    public StepLrSchedule(int stepSize, double gamma) {
        this(stepSize, gamma, Interval.EPOCH);
    }

    @Override
    public double learningRate(long t, double initialLearningRate) {
        return initialLearningRate * Math.pow(gamma, Checks.step(NAME, t) / stepSize);
    }
}
