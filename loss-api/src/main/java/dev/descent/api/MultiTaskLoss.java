package dev.descent.api;

import java.util.List;

/**
 * Combines the losses of a model's several outputs into the one number training minimises, as a
 * multi-task loss that learns how to weigh its terms (Kendall, Gal and Cipolla 2018: one learned
 * log-variance per task). The trainer computes each output's own {@link Loss}, hands the reduced values to
 * {@link #combine}, and scales each output's gradient by what {@link #combine} says the total's derivative
 * with respect to that loss is. Its {@link #parameters()} are trained beside the model's.
 *
 * <p>Without one, the trainer combines the losses as a fixed weighted sum.
 */
public interface MultiTaskLoss extends Trainable {

    /** The name used in reports and error messages, e.g. {@code uncertainty_weighting}. */
    String name();

    /**
     * The total loss for the reduced losses of the outputs, in the model's output order.
     *
     * <p>When {@code lossGradients} is not null (as long as {@code losses}) it receives d(total)/d(losses[i]),
     * overwriting what it held, and d(total)/d(parameter) is added into the gradient of each of
     * {@link #parameters()} (the trainer zeroes them before each step). When it is null (evaluation), nothing
     * is written and no gradient is accumulated.
     *
     * @throws IllegalArgumentException if the number of losses is not the number of tasks the loss was made for
     */
    double combine(double[] losses, double[] lossGradients);

    /** None by default: a fixed combination has nothing to learn. */
    @Override
    default List<Parameter> parameters() {
        return List.of();
    }
}
