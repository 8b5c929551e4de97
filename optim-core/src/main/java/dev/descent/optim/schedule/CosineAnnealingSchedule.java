package dev.descent.optim.schedule;

import dev.descent.api.Schedule;
import dev.descent.optim.Checks;

/**
 * PyTorch's {@code CosineAnnealingLR} in closed form: the rate falls from the initial one to
 * {@code etaMin} along half a cosine over {@code tMax} epochs,
 * {@code lr = etaMin + (initial - etaMin) * (1 + cos(pi * t / tMax)) / 2}.
 *
 * <p>PyTorch steps a recursive form, each rate computed from the previous one; it agrees with this
 * closed form ({@code _get_closed_form_lr}) up to rounding. Past {@code tMax} both keep following the
 * cosine: the rate climbs back to the initial one at {@code 2 * tMax} and repeats with period
 * {@code 2 * tMax}; it does not stay at {@code etaMin}.
 *
 * @param tMax epochs (or steps) from the initial rate down to {@code etaMin}, {@code >= 1}
 * @param etaMin the lowest rate, {@code >= 0}
 */
public record CosineAnnealingSchedule(int tMax, double etaMin) implements Schedule {
    static final String NAME = "cosine_annealing";

    public CosineAnnealingSchedule {
        if (tMax < 1) {
            throw new IllegalArgumentException(NAME + ": t_max must be an integer >= 1, got '" + tMax + "'");
        }
        Checks.atLeast(NAME, "eta_min", etaMin, 0);
    }

    @Override
    public double learningRate(long t, double initialLearningRate) {
        // Written in PyTorch's order of operations, so both round alike.
        return etaMin + (initialLearningRate - etaMin) * (1 + Math.cos(Math.PI * Checks.step(NAME, t) / tMax)) / 2;
    }
}
