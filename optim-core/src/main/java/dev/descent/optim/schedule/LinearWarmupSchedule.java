package dev.descent.optim.schedule;

import dev.descent.api.ParamSpec;
import dev.descent.api.Schedule;
import dev.descent.optim.Checks;

/**
 * A linear warm-up: PyTorch's {@code LinearLR} with {@code end_factor=1} and {@code total_iters=warmupSteps}.
 * The rate rises from {@code startFactor * initial} to the initial rate over {@code warmupSteps} epochs (or
 * steps), then stays there: {@code lr = initial * (startFactor + (1 - startFactor) * min(t, warmupSteps) /
 * warmupSteps)}. PyTorch steps a recursive form of it; the two agree up to rounding.
 *
 * <p>PyTorch accepts {@code start_factor=0} but then divides by zero at its first step; here it must be
 * {@code > 0}. Follow it with another schedule through {@code sequential}.
 *
 * @param warmupSteps epochs (or steps) until the initial rate is reached, {@code >= 1}
 * @param startFactor the fraction of the initial rate at {@code t = 0}, in (0, 1]
 * @param interval whether {@code t} counts epochs or steps
 */
public record LinearWarmupSchedule(int warmupSteps, double startFactor, Interval interval) implements Schedule {
    static final String NAME = "linear_warmup";
    static final ParamSpec START_FACTOR = ParamSpec.real("start_factor", 1.0 / 3, "the fraction of the initial rate"
            + " at t = 0 (PyTorch's default, 1/3)").greaterThan(0).atMost(1);

    public LinearWarmupSchedule {
        ScheduleChecks.atLeast(NAME, "warmup_steps", warmupSteps, 1);
        ScheduleChecks.inRange(NAME, START_FACTOR, startFactor);
        ScheduleChecks.interval(NAME, interval);
    }

    @Override
    public double learningRate(long t, double initialLearningRate) {
        // PyTorch's _get_closed_form_lr, with end_factor 1, in its order of operations.
        long done = Math.min(warmupSteps, Checks.step(NAME, t));
        return initialLearningRate * (startFactor + (1 - startFactor) * done / warmupSteps);
    }
}
