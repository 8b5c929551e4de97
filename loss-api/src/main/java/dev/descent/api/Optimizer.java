package dev.descent.api;

import java.util.List;

/**
 * Updates parameters from their gradients. Built-ins follow PyTorch's update rules and defaults.
 *
 * <p>State (momentum buffers, moment estimates, step counts) is keyed by {@link Parameter#name()}, so
 * {@link #state()} taken after step k and given to {@link #loadState} of a fresh optimizer resumes the
 * same trajectory exactly.
 */
public interface Optimizer {

    /** Updates each {@link Parameter#value()} in place from its {@link Parameter#gradient()}. */
    void step(List<Parameter> parameters);

    double learningRate();

    /** Changes the learning rate, as a schedule does between epochs. */
    void setLearningRate(double learningRate);

    /** A snapshot of everything a later {@link #step} depends on, including the learning rate. */
    State state();

    /** Restores a snapshot taken with {@link #state()}. */
    void loadState(State state);
}
