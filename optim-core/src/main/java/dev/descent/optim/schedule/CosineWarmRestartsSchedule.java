package dev.descent.optim.schedule;

import dev.descent.api.Schedule;
import dev.descent.optim.Checks;

/**
 * PyTorch's {@code CosineAnnealingWarmRestarts} (SGDR, Loshchilov and Hutter): cosine annealing from the
 * initial rate to {@code etaMin} over a period of {@code t0} epochs, then a restart at the initial rate; each
 * period {@code tMult} times the one before. With {@code tCur} the epochs since the last restart and
 * {@code tI} the current period, {@code lr = etaMin + (initial - etaMin) * (1 + cos(pi * tCur / tI)) / 2}.
 *
 * <p>PyTorch counts {@code tCur} and {@code tI} up step by step in integers; this finds them from {@code t}
 * by subtracting whole periods, which gives the same integers and so the same rates.
 *
 * @param t0 epochs (or steps) of the first period, {@code >= 1}
 * @param tMult the factor each period is longer than the one before, an integer {@code >= 1}
 * @param etaMin the rate at the end of each period, {@code >= 0}
 * @param interval whether {@code t} counts epochs or steps
 */
public record CosineWarmRestartsSchedule(int t0, int tMult, double etaMin, Interval interval) implements Schedule {
    static final String NAME = "cosine_warm_restarts";

    public CosineWarmRestartsSchedule {
        ScheduleChecks.atLeast(NAME, "t_0", t0, 1);
        ScheduleChecks.atLeast(NAME, "t_mult", tMult, 1);
        Checks.atLeast(NAME, "eta_min", etaMin, 0);
        ScheduleChecks.interval(NAME, interval);
    }

    @Override
    public double learningRate(long t, double initialLearningRate) {
        long tCur = Checks.step(NAME, t);
        long tI = t0;
        if (tMult == 1) {
            tCur %= tI;
        } else {
            // Periods grow geometrically, so this loops about log(t) times.
            while (tCur >= tI) {
                tCur -= tI;
                tI *= tMult;
            }
        }
        return etaMin + (initialLearningRate - etaMin) * (1 + Math.cos(Math.PI * tCur / tI)) / 2;
    }
}
