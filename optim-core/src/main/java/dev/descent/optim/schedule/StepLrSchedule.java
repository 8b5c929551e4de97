package dev.descent.optim.schedule;

import dev.descent.api.Schedule;
import dev.descent.optim.Checks;

/**
 * PyTorch's {@code StepLR}: the rate decays by {@code gamma} every {@code stepSize} epochs,
 * {@code lr = initial * gamma^floor(t / stepSize)}. This is PyTorch's closed form
 * ({@code _get_closed_form_lr}); its recursive form, multiplying by {@code gamma} at each boundary,
 * agrees with it up to rounding.
 *
 * @param stepSize epochs (or steps) between two decays, {@code >= 1}
 * @param gamma the factor applied at each decay, {@code >= 0}
 */
public record StepLrSchedule(int stepSize, double gamma) implements Schedule {
    static final String NAME = "step_lr";

    public StepLrSchedule {
        if (stepSize < 1) {
            throw new IllegalArgumentException(NAME + ": step_size must be an integer >= 1, got '" + stepSize + "'");
        }
        Checks.atLeast(NAME, "gamma", gamma, 0);
    }

    @Override
    public double learningRate(long t, double initialLearningRate) {
        return initialLearningRate * Math.pow(gamma, Checks.step(NAME, t) / stepSize);
    }
}
