package dev.descent.optim.schedule;

import dev.descent.api.Schedule;
import dev.descent.optim.Checks;
import java.util.List;

/**
 * PyTorch's {@code MultiStepLR}: the rate decays by {@code gamma} at each milestone,
 * {@code lr = initial * gamma^(number of milestones <= t)} (PyTorch's closed form, which its recursive form
 * matches up to rounding).
 *
 * <p>PyTorch also takes milestones unsorted or repeated (a milestone listed twice decays by
 * {@code gamma^2}); here they must be increasing, so a typo such as {@code [30, 10]} is caught.
 *
 * @param milestones the epochs (or steps) at which the rate decays, increasing, each {@code >= 0}; a milestone
 *     0 decays the rate from the start, as in PyTorch; none leaves the rate alone
 * @param gamma the factor applied at each milestone, {@code >= 0}
 * @param interval whether {@code t} counts epochs or steps
 */
public record MultiStepLrSchedule(List<Integer> milestones, double gamma, Interval interval) implements Schedule {
    static final String NAME = "multi_step_lr";

    public MultiStepLrSchedule {
        milestones = ScheduleChecks.increasing(NAME, "milestones", milestones, 0);
        Checks.atLeast(NAME, "gamma", gamma, 0);
        ScheduleChecks.interval(NAME, interval);
    }

    @Override
    public double learningRate(long t, double initialLearningRate) {
        return initialLearningRate * Math.pow(gamma, ScheduleChecks.passed(milestones, Checks.step(NAME, t)));
    }
}
