package dev.descent.optim.schedule;

import dev.descent.api.Schedule;
import dev.descent.optim.Checks;

/**
 * PyTorch's {@code PolynomialLR}: the rate decays to 0 along a polynomial over {@code totalIters} epochs (or
 * steps), {@code lr = initial * (1 - min(t, totalIters) / totalIters)^power}, and stays 0 after.
 *
 * <p>PyTorch steps a recursive form, multiplying by {@code ((1 - t/T) / (1 - (t-1)/T))^power} each time; it
 * reaches exactly 0 at {@code totalIters}, as this closed form does, and agrees with it up to rounding
 * in between (1e-15 relative over the fixtures).
 *
 * @param totalIters epochs (or steps) until the rate reaches 0, {@code >= 1}
 * @param power the exponent, {@code >= 0}: 1 is linear decay, 0 no decay at all
 * @param interval whether {@code t} counts epochs or steps
 */
public record PolynomialSchedule(int totalIters, double power, Interval interval) implements Schedule {
    static final String NAME = "polynomial";

    public PolynomialSchedule {
        ScheduleChecks.atLeast(NAME, "total_iters", totalIters, 1);
        Checks.atLeast(NAME, "power", power, 0);
        ScheduleChecks.interval(NAME, interval);
    }

    @Override
    public double learningRate(long t, double initialLearningRate) {
        double done = (double) Math.min(totalIters, Checks.step(NAME, t)) / totalIters;
        return initialLearningRate * Math.pow(1.0 - done, power);
    }
}
