package dev.descent.api;

/**
 * A learning-rate schedule, as {@code torch.optim.lr_scheduler}: the rate for each epoch (or step,
 * as the training configuration says) as a function of the count and the optimizer's initial rate.
 */
public interface Schedule {

    /** When the training loop advances a schedule: once per epoch or once per optimizer step (batch). */
    enum Interval {
        EPOCH,
        STEP;

        /** {@code epoch} or {@code step}, as a spec writes it. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The learning rate for epoch (or step) {@code t}, counting from 0, given the initial rate. */
    double learningRate(long t, double initialLearningRate);

    /**
     * Whether {@code t} counts epochs or optimizer steps. Built-ins take it from their {@code interval}
     * parameter; epochs unless said otherwise, as PyTorch's schedulers are usually stepped.
     */
    default Interval interval() {
        return Interval.EPOCH;
    }

    /** Reports the monitored metric at the end of an epoch; schedules such as reduce-on-plateau react. */
    default void observe(double metric) {}

    /** What {@link #learningRate} depends on beyond its arguments; empty for closed-form schedules. */
    default State state() {
        return State.empty();
    }

    default void loadState(State state) {}
}
