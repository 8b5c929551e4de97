package dev.descent.optim.transform;

import static java.util.Objects.requireNonNull;

import dev.descent.api.GradientTransform;
import dev.descent.api.Parameter;
import dev.descent.api.State;
import dev.descent.api.Tensor;
import dev.descent.optim.Checks;
import dev.descent.optim.Slot;
import java.util.List;

/**
 * Gradient accumulation: one optimizer step for every {@code steps} batches, on the MEAN of their gradients, so
 * that a small batch that fits in memory acts as a batch {@code steps} times larger. The first {@code steps - 1}
 * calls add each gradient to a running sum and hold the step back ({@link #beforeStep} returns false); the
 * {@code steps}-th writes {@code sum / steps} into the gradients and lets the step go on.
 *
 * <p>Mean, not sum: PyTorch's recipes divide each batch's loss by the number of batches before
 * {@code backward()}, which accumulates the mean; optax's {@code MultiSteps} averages too. So the learning rate
 * tuned for the large batch carries over. (Summing then dividing once rounds differently from PyTorch's
 * dividing each loss, in the last bits.) Each call's gradients must be that batch's alone, as a trainer that
 * zeroes them before each backward pass leaves them.
 *
 * <p>State: {@code count}, the calls since the last step, and the partial sums {@code sum/<parameter name>}
 * (none right after a step).
 */
public final class Accumulate implements GradientTransform {
    static final String NAME = "accumulate";
    static final String COUNT_KEY = "count";

    private final int steps;
    private final Slot sums = new Slot("sum");
    private int count;

    /** @param steps the batches per optimizer step, {@code >= 1}; 1 lets every step through unchanged */
    public Accumulate(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException(NAME + ": steps must be >= 1, got '" + steps + "'");
        }
        this.steps = steps;
    }

    @Override
    public boolean beforeStep(List<Parameter> parameters) {
        requireNonNull(parameters, "parameters is null");
        for (Parameter parameter : parameters) {
            Tensor sum = sums.get(parameter);
            float[] s = (sum == null ? sums.create(parameter) : sum).data();
            float[] g = parameter.gradient().data();
            for (int i = 0; i < g.length; i++) {
                s[i] += g[i];
            }
        }
        count++;
        if (count < steps) {
            return false;
        }
        for (Parameter parameter : parameters) {
            float[] s = sums.get(parameter).data();
            float[] g = parameter.gradient().data();
            for (int i = 0; i < g.length; i++) {
                g[i] = s[i] / steps;
            }
        }
        sums.loadFrom(State.empty());
        count = 0;
        return true;
    }

    /** The calls since the last step that went on: 0 to {@code steps - 1}. */
    public int count() {
        return count;
    }

    @Override
    public State state() {
        State.Builder state = State.builder().put(COUNT_KEY, count);
        sums.saveTo(state);
        return state.build();
    }

    /** @throws IllegalArgumentException for an entry accumulate does not keep, or a count not below steps */
    @Override
    public void loadState(State state) {
        requireNonNull(state, "state is null");
        Transforms.requireOnly(NAME, state, List.of(COUNT_KEY), List.of(sums));
        long restored = Checks.count(NAME, state, COUNT_KEY, Double.MAX_VALUE);
        if (restored >= steps) {
            throw new IllegalArgumentException(NAME + ": state '" + COUNT_KEY + "' is " + restored
                    + ", but steps is " + steps + "; was the state taken with other settings?");
        }
        sums.loadFrom(state);
        count = (int) restored;
    }

    @Override
    public String toString() {
        return NAME + "(steps=" + steps + ")";
    }
}
