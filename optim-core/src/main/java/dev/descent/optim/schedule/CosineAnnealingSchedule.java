package dev.descent.optim.schedule;

import dev.descent.api.Schedule;
import dev.descent.optim.Checks;

/**
 * PyTorch's {@code CosineAnnealingLR} in closed form: the rate falls from the initial one to
 * {@code etaMin} along half a cosine over {@code tMax} epochs,
 * {@code lr = etaMin + (initial - etaMin) * (1 + cos(pi * t / tMax)) / 2}.
 *
 * <p>PyTorch steps a recursive form, each rate computed from the previous one (with a special case at
 * {@code t = tMax + 1}, where the ratio of cosines would be 0/0); mathematically it is this closed form
 * ({@code _get_closed_form_lr}), and over the fixtures (up to 2100 steps) the rates {@code get_last_lr()}
 * returns differ from it by less than 1e-14 relative: rounding only. Past {@code tMax} both keep following the
 * cosine: the rate climbs back to the initial one at {@code 2 * tMax} and repeats with period
 * {@code 2 * tMax}; it does not stay at {@code etaMin}.
 *
 * @param tMax epochs (or steps) from the initial rate down to {@code etaMin}, {@code >= 1}
 * @param etaMin the lowest rate, {@code >= 0}
 * @param interval whether {@code t} counts epochs or steps
 */
public record CosineAnnealingSchedule(int tMax, double etaMin, Interval interval) implements Schedule {
    static final String NAME = "cosine_annealing";

    public CosineAnnealingSchedule {
        ScheduleChecks.atLeast(NAME, "t_max", tMax, 1);
        Checks.atLeast(NAME, "eta_min", etaMin, 0);
        ScheduleChecks.interval(NAME, interval);
    }

    /** Advanced once an epoch. */
    public CosineAnnealingSchedule(int tMax, double etaMin) {
        this(tMax, etaMin, Interval.EPOCH);
    }

    @Override
    public double learningRate(long t, double initialLearningRate) {
        // Written in PyTorch's order of operations, so both round alike.
        return etaMin + (initialLearningRate - etaMin) * (1 + Math.cos(Math.PI * Checks.step(NAME, t) / tMax)) / 2;
    }
}
