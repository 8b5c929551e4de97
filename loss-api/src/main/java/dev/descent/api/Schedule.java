package dev.descent.api;

/**
 * A learning-rate schedule, as {@code torch.optim.lr_scheduler}: the rate for each epoch (or step,
 * as the training configuration says) as a function of the count and the optimizer's initial rate.
 */
public interface Schedule {

    /** The learning rate for epoch (or step) {@code t}, counting from 0, given the initial rate. */
    double learningRate(long t, double initialLearningRate);

    /** Reports the monitored metric at the end of an epoch; schedules such as reduce-on-plateau react. */
    default void observe(double metric) {}

    /** What {@link #learningRate} depends on beyond its arguments; empty for closed-form schedules. */
    default State state() {
        return State.empty();
    }

    default void loadState(State state) {}
}
