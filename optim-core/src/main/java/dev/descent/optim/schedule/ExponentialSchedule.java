package dev.descent.optim.schedule;

import dev.descent.api.Schedule;
import dev.descent.optim.Checks;

/**
 * PyTorch's {@code ExponentialLR}: the rate decays by {@code gamma} every epoch (or step),
 * {@code lr = initial * gamma^t}. PyTorch multiplies by {@code gamma} at each step; this closed form agrees
 * with that product up to rounding (2e-15 relative after 500 steps).
 *
 * @param gamma the factor applied at each epoch or step, {@code >= 0}
 * @param interval whether {@code t} counts epochs or steps
 */
public record ExponentialSchedule(double gamma, Interval interval) implements Schedule {
    static final String NAME = "exponential";

    public ExponentialSchedule {
        Checks.atLeast(NAME, "gamma", gamma, 0);
        ScheduleChecks.interval(NAME, interval);
    }

    @Override
    public double learningRate(long t, double initialLearningRate) {
        return initialLearningRate * Math.pow(gamma, Checks.step(NAME, t));
    }
}
