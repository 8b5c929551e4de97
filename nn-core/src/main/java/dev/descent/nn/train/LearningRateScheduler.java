package dev.descent.nn.train;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Schedule;

/**
 * Sets the optimizer's learning rate from a {@link Schedule}: before each epoch when the schedule's
 * {@link Schedule#interval()} is {@code EPOCH} (epoch t of the fit gets {@code learningRate(t, initial)}),
 * before each batch when it is {@code STEP} (step t of the fit gets {@code learningRate(t, initial)}). The
 * initial rate is the optimizer's rate when the first fit with this callback begins. After each epoch the
 * schedule {@linkplain Schedule#observe observes} the monitored value, which reduce-on-plateau reacts to;
 * that is {@code val_loss} when there is validation data and {@code loss} otherwise, unless a monitor is
 * given.
 */
public final class LearningRateScheduler implements Callback {
    private final Schedule schedule;
    private final String monitor;
    private double initial = Double.NaN;
    private String watched;

    /** The schedule, observing {@code val_loss} (or {@code loss} without validation data). */
    public LearningRateScheduler(Schedule schedule) {
        this.schedule = requireNonNull(schedule, "schedule is null");
        this.monitor = null;
    }

    /** The schedule, observing the value under {@code monitor}. */
    public LearningRateScheduler(Schedule schedule, String monitor) {
        this.schedule = requireNonNull(schedule, "schedule is null");
        this.monitor = requireNonNull(monitor, "monitor is null");
    }

    @Override
    public void onTrainBegin(TrainingContext context) {
        if (Double.isNaN(initial)) {
            initial = context.optimizer().learningRate();
        }
        watched = monitor != null ? monitor : context.hasValidation() ? History.VALIDATION_LOSS : History.LOSS;
    }

    @Override
    public void onEpochBegin(TrainingContext context, int epoch) {
        if (schedule.interval() == Schedule.Interval.EPOCH) {
            context.optimizer().setLearningRate(schedule.learningRate(epoch, initial));
        }
    }

    @Override
    public void onBatchBegin(TrainingContext context, int batch) {
        if (schedule.interval() == Schedule.Interval.STEP) {
            context.optimizer().setLearningRate(schedule.learningRate(context.step(), initial));
        }
    }

    @Override
    public void onEpochEnd(TrainingContext context, History.Epoch epoch) {
        if (!epoch.has(watched)) {
            throw new IllegalArgumentException("learning-rate schedule: monitor '" + watched + "' is not measured;"
                    + " the epoch has " + epoch.values().keySet());
        }
        schedule.observe(epoch.value(watched));
    }

    /** The initial learning rate, NaN before the first fit. */
    public double initialLearningRate() {
        return initial;
    }

    @Override
    public String toString() {
        return "LearningRateScheduler(" + schedule + ", per " + schedule.interval().word() + ")";
    }
}
