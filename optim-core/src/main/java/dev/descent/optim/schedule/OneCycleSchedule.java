package dev.descent.optim.schedule;

import dev.descent.api.ParamSpec;
import dev.descent.api.Schedule;
import dev.descent.optim.Checks;
import java.util.List;
import java.util.Locale;

/**
 * PyTorch's {@code OneCycleLR} (Smith's 1cycle policy, fastai's two phases by default), usually stepped once
 * per batch: the rate rises from {@code maxLr / divFactor} to {@code maxLr} over the first
 * {@code pctStart * totalSteps - 1} steps, then anneals to {@code maxLr / divFactor / finalDivFactor} at step
 * {@code totalSteps - 1}. With {@code threePhase} it comes back down to {@code maxLr / divFactor}
 * symmetrically first, and only the third phase anneals to the minimum (the original paper's shape). Each
 * phase anneals along half a cosine, or a straight line with {@link Anneal#LINEAR}; the phase boundaries are
 * PyTorch's, including their fractional steps.
 *
 * <p>As in PyTorch, the optimizer's initial rate is ignored: the cycle is set by {@code maxLr} alone. Steps
 * past {@code totalSteps} are refused, as PyTorch refuses them. Left out: PyTorch also cycles the momentum
 * (or Adam's beta1) inversely to the rate ({@code cycle_momentum}); a schedule here sets only the rate.
 * Refused where PyTorch divides by zero: a phase of no steps, i.e. {@code pctStart * totalSteps == 1} (the
 * first step fails in PyTorch) or a last phase ending where it starts ({@code pctStart = 1}, or
 * {@code pctStart * totalSteps == (totalSteps + 1) / 2} with three phases, which fails in PyTorch only at step
 * {@code totalSteps}).
 *
 * @param maxLr the highest rate, {@code > 0}
 * @param totalSteps the steps of the cycle, {@code >= 1}
 * @param pctStart the fraction of the steps spent rising, in [0, 1]
 * @param anneal cosine or linear
 * @param divFactor the first rate is {@code maxLr / divFactor}, {@code > 0}
 * @param finalDivFactor the last rate is the first one divided by this, {@code > 0}
 * @param threePhase PyTorch's {@code three_phase}
 * @param interval whether {@code t} counts steps (usual) or epochs
 */
public record OneCycleSchedule(double maxLr, int totalSteps, double pctStart, Anneal anneal, double divFactor,
        double finalDivFactor, boolean threePhase, Interval interval) implements Schedule {
    static final String NAME = "one_cycle";
    static final ParamSpec MAX_LR = ParamSpec.real("max_lr", null, "the highest learning rate, reached after"
            + " pct_start of the steps").greaterThan(0);
    static final ParamSpec PCT_START = ParamSpec.real("pct_start", 0.3, "the fraction of the steps spent raising the"
            + " rate").atLeast(0).atMost(1);
    static final ParamSpec DIV_FACTOR = ParamSpec.real("div_factor", 25.0, "the first rate is max_lr / div_factor")
            .greaterThan(0);
    static final ParamSpec FINAL_DIV_FACTOR = ParamSpec.real("final_div_factor", 1e4, "the last rate is the first"
            + " one / final_div_factor").greaterThan(0);

    /** How a phase goes from its start rate to its end rate: PyTorch's {@code anneal_strategy}. */
    public enum Anneal {
        COS,
        LINEAR;

        /** The rate a fraction {@code pct} of the way from {@code start} to {@code end}, in PyTorch's arithmetic. */
        double between(double start, double end, double pct) {
            return this == COS ? end + (start - end) / 2.0 * (Math.cos(Math.PI * pct) + 1) : (end - start) * pct + start;
        }

        /** {@code cos} or {@code linear}, as a spec writes it. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One phase: from the previous phase's end step (0 for the first) to {@code endStep}. */
    private record Phase(double endStep, double startLr, double endLr) {}

    public OneCycleSchedule {
        ScheduleChecks.inRange(NAME, MAX_LR, maxLr);
        ScheduleChecks.atLeast(NAME, "total_steps", totalSteps, 1);
        ScheduleChecks.inRange(NAME, PCT_START, pctStart);
        ScheduleChecks.inRange(NAME, DIV_FACTOR, divFactor);
        ScheduleChecks.inRange(NAME, FINAL_DIV_FACTOR, finalDivFactor);
        if (anneal == null) {
            throw new IllegalArgumentException(NAME + ": anneal_strategy is null");
        }
        ScheduleChecks.interval(NAME, interval);
        double start = 0;
        for (Phase phase : phases(maxLr, totalSteps, pctStart, divFactor, finalDivFactor, threePhase)) {
            if (phase.endStep() == start) {
                throw new IllegalArgumentException(NAME + ": pct_start=" + Checks.format(pctStart) + " with total_steps="
                        + totalSteps + (threePhase ? " and three_phase" : "") + " leaves a phase of no steps (PyTorch"
                        + " divides by zero there); change pct_start or total_steps");
            }
            start = phase.endStep();
        }
    }

    /** PyTorch's {@code _schedule_phases}, with its rates. */
    private static List<Phase> phases(double maxLr, int totalSteps, double pctStart, double divFactor,
            double finalDivFactor, boolean threePhase) {
        double initialLr = maxLr / divFactor;
        double minLr = initialLr / finalDivFactor;
        double warmupEnd = pctStart * totalSteps - 1;
        if (threePhase) {
            return List.of(new Phase(warmupEnd, initialLr, maxLr),
                    new Phase(2 * pctStart * totalSteps - 2, maxLr, initialLr),
                    new Phase(totalSteps - 1, initialLr, minLr));
        }
        return List.of(new Phase(warmupEnd, initialLr, maxLr), new Phase(totalSteps - 1, maxLr, minLr));
    }

    /** The rate at step {@code t}; {@code initialLearningRate} is ignored, as PyTorch ignores it. */
    @Override
    public double learningRate(long t, double initialLearningRate) {
        if (Checks.step(NAME, t) > totalSteps) {
            throw new IllegalArgumentException(NAME + ": t=" + t + " is past total_steps=" + totalSteps
                    + " (PyTorch's OneCycleLR refuses it too); give a larger total_steps");
        }
        List<Phase> phases = phases(maxLr, totalSteps, pctStart, divFactor, finalDivFactor, threePhase);
        double startStep = 0;
        for (int i = 0; i < phases.size(); i++) {
            Phase phase = phases.get(i);
            if (t <= phase.endStep() || i == phases.size() - 1) {
                double pct = (t - startStep) / (phase.endStep() - startStep);
                return anneal.between(phase.startLr(), phase.endLr(), pct);
            }
            startStep = phase.endStep();
        }
        throw new AssertionError("the last phase always answers");
    }
}
