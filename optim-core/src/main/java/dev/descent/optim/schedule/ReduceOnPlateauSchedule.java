package dev.descent.optim.schedule;

import dev.descent.api.ParamSpec;
import dev.descent.api.Schedule;
import dev.descent.api.State;
import dev.descent.optim.Checks;
import java.util.Locale;

/**
 * PyTorch's {@code ReduceLROnPlateau}: the rate is multiplied by {@code factor} when the monitored metric,
 * reported once an epoch with {@link #observe}, has not improved for more than {@code patience} epochs. An
 * epoch improves on the best so far when its metric is below {@code best * (1 - threshold)} ({@code min} mode,
 * {@code rel}), below {@code best - threshold} ({@code abs}), or above {@code best * (1 + threshold)} or
 * {@code best + threshold} in {@code max} mode; a NaN never improves. After a reduction, {@code cooldown}
 * epochs are not counted. A reduction gives {@code max(lr * factor, minLr)}, and is skipped when it would
 * change the rate by {@code eps} or less.
 *
 * <p>The rate does not depend on {@code t}, only on what was observed: this keeps the number of reductions and
 * replays PyTorch's {@code max}/{@code eps} rule from the initial rate that many times, which gives the rates
 * PyTorch gives. The state holds what PyTorch's {@code state_dict} holds that matters: {@code best},
 * {@code num_bad_epochs}, {@code cooldown_counter}, {@code last_epoch} (the epochs observed) and
 * {@code reductions} in place of the optimizer's current rate, which a schedule here never owns.
 *
 * <p>Not thread-safe: one training loop observes it.
 */
public final class ReduceOnPlateauSchedule implements Schedule {
    static final String NAME = "reduce_on_plateau";
    static final ParamSpec FACTOR = ParamSpec.real("factor", 0.1, "the rate is multiplied by this at each reduction")
            .atLeast(0).lessThan(1);

    /** Whether the metric should fall ({@code min}, a loss) or rise ({@code max}, an accuracy). */
    public enum Mode {
        MIN,
        MAX;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Whether {@code threshold} is relative to the best metric or an absolute margin. */
    public enum ThresholdMode {
        REL,
        ABS;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Mode mode;
    private final double factor;
    private final int patience;
    private final double threshold;
    private final ThresholdMode thresholdMode;
    private final int cooldown;
    private final double minLr;
    private final double eps;
    private final Interval interval;

    private double best;
    private int numBadEpochs;
    private int cooldownCounter;
    private long lastEpoch;
    private int reductions;

    /**
     * @param mode {@code min} or {@code max}
     * @param factor the rate's multiplier at a reduction, in [0, 1)
     * @param patience epochs without improvement tolerated before a reduction, {@code >= 0}
     * @param threshold the least change that counts as an improvement, {@code >= 0}
     * @param thresholdMode {@code rel} or {@code abs}
     * @param cooldown epochs after a reduction in which bad epochs are not counted, {@code >= 0}
     * @param minLr the rate never goes below this, {@code >= 0}
     * @param eps a reduction smaller than this is skipped, {@code >= 0}
     * @param interval whether learningRate's {@code t} counts epochs or steps (the rate ignores it)
     */
    public ReduceOnPlateauSchedule(Mode mode, double factor, int patience, double threshold,
            ThresholdMode thresholdMode, int cooldown, double minLr, double eps, Interval interval) {
        if (mode == null || thresholdMode == null) {
            throw new IllegalArgumentException(NAME + ": mode and threshold_mode must be given");
        }
        this.mode = mode;
        this.factor = ScheduleChecks.inRange(NAME, FACTOR, factor);
        this.patience = ScheduleChecks.atLeast(NAME, "patience", patience, 0);
        this.threshold = Checks.atLeast(NAME, "threshold", threshold, 0);
        this.thresholdMode = thresholdMode;
        this.cooldown = ScheduleChecks.atLeast(NAME, "cooldown", cooldown, 0);
        this.minLr = Checks.atLeast(NAME, "min_lr", minLr, 0);
        this.eps = Checks.atLeast(NAME, "eps", eps, 0);
        this.interval = ScheduleChecks.interval(NAME, interval);
        reset();
    }

    private void reset() {
        best = mode == Mode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        numBadEpochs = 0;
        cooldownCounter = 0;
        lastEpoch = 0;
        reductions = 0;
    }

    @Override
    public Interval interval() {
        return interval;
    }

    /** PyTorch's {@code step(metrics)}, line for line. */
    @Override
    public void observe(double metric) {
        lastEpoch++;
        if (isBetter(metric)) {
            best = metric;
            numBadEpochs = 0;
        } else {
            numBadEpochs++;
        }
        if (cooldownCounter > 0) {
            cooldownCounter--;
            numBadEpochs = 0; // bad epochs in the cooldown are not counted
        }
        if (numBadEpochs > patience) {
            reductions++;
            cooldownCounter = cooldown;
            numBadEpochs = 0;
        }
    }

    /** PyTorch's {@code is_better}, in its arithmetic (with an infinite best, {@code rel} gives infinity). */
    private boolean isBetter(double metric) {
        if (mode == Mode.MIN) {
            return thresholdMode == ThresholdMode.REL ? metric < best * (1.0 - threshold) : metric < best - threshold;
        }
        return thresholdMode == ThresholdMode.REL ? metric > best * (threshold + 1.0) : metric > best + threshold;
    }

    /** The initial rate after the reductions so far, each as PyTorch's {@code _reduce_lr} makes it. */
    @Override
    public double learningRate(long t, double initialLearningRate) {
        Checks.step(NAME, t);
        double lr = initialLearningRate;
        for (int i = 0; i < reductions; i++) {
            double reduced = Math.max(lr * factor, minLr);
            if (!(lr - reduced > eps)) {
                break; // PyTorch keeps the rate, and every later reduction would keep it too
            }
            lr = reduced;
        }
        return lr;
    }

    @Override
    public State state() {
        return State.builder().put("best", best).put("num_bad_epochs", numBadEpochs)
                .put("cooldown_counter", cooldownCounter).put("last_epoch", lastEpoch).put("reductions", reductions)
                .build();
    }

    /** Restores a {@link #state()}; an empty state starts afresh. */
    @Override
    public void loadState(State state) {
        reset();
        best = state.number("best", best);
        numBadEpochs = (int) Checks.count(NAME, state, "num_bad_epochs", Integer.MAX_VALUE);
        cooldownCounter = (int) Checks.count(NAME, state, "cooldown_counter", Integer.MAX_VALUE);
        lastEpoch = Checks.count(NAME, state, "last_epoch", Integer.MAX_VALUE);
        reductions = (int) Checks.count(NAME, state, "reductions", Integer.MAX_VALUE);
    }

    @Override
    public String toString() {
        return NAME + "(mode=" + mode.word() + ", factor=" + Checks.format(factor) + ", patience=" + patience
                + ", threshold=" + Checks.format(threshold) + ", threshold_mode=" + thresholdMode.word()
                + ", cooldown=" + cooldown + ", min_lr=" + Checks.format(minLr) + ", eps=" + Checks.format(eps)
                + ", interval=" + interval.word() + ")";
    }
}
