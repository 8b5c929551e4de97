package dev.descent.optim.transform;

import static java.util.Objects.requireNonNull;

import dev.descent.api.GradientTransform;
import dev.descent.api.Parameter;
import dev.descent.api.State;
import dev.descent.api.Tensor;
import dev.descent.optim.Checks;
import dev.descent.optim.Slot;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An exponential moving average of the parameters, for evaluation: after each step (in {@link #afterStep})
 *
 * <pre>
 * average = decay * average + (1 - decay) * parameter
 * </pre>
 *
 * starting from the parameter itself after its first step. This is PyTorch's
 * {@code torch.optim.swa_utils.AveragedModel} with the EMA {@code avg_fn}
 * ({@code lambda avg, p, n: decay * avg + (1 - decay) * p}), in float as it computes it; optax's {@code ema}
 * starts from zeros instead and needs its debiasing. The gradients and the parameters are left alone: training
 * goes on with the raw parameters; {@link #copyAveragesTo} puts the averages into a model to evaluate it.
 *
 * <p>State: one average per parameter, {@code ema/<parameter name>}.
 */
public final class Ema implements GradientTransform {
    static final String NAME = "ema";

    private final double decay;
    private static final String PREFIX = "ema/";

    private final Slot averages = new Slot("ema");

    /** @param decay the weight of the past, in [0, 1]; 0.999 averages over about the last 1000 steps */
    public Ema(double decay) {
        Checks.atLeast(NAME, "decay", decay, 0);
        if (decay > 1) {
            throw new IllegalArgumentException(NAME + ": decay must be <= 1, got '" + Checks.format(decay) + "'");
        }
        this.decay = decay;
    }

    /** Holds every step: it only follows the parameters. */
    @Override
    public boolean beforeStep(List<Parameter> parameters) {
        return true;
    }

    @Override
    public void afterStep(List<Parameter> parameters) {
        requireNonNull(parameters, "parameters is null");
        // PyTorch rounds decay and 1 - decay (computed in double) to float, then rounds each product and the sum.
        float keep = (float) decay;
        float take = (float) (1 - decay);
        for (Parameter parameter : parameters) {
            Tensor average = averages.get(parameter);
            if (average == null) {
                averages.create(parameter).copyFrom(parameter.value());
                continue;
            }
            float[] a = average.data();
            float[] p = parameter.value().data();
            for (int i = 0; i < a.length; i++) {
                a[i] = keep * a[i] + take * p[i];
            }
        }
    }

    /**
     * The averages by parameter name, sorted, as copies; a parameter is missing before its first step.
     */
    public Map<String, Tensor> averages() {
        Map<String, Tensor> copies = new TreeMap<>();
        // The state's tensors are copies already, and nothing else holds this state.
        state().tensors().forEach((key, average) -> copies.put(key.substring(PREFIX.length()), average));
        return copies;
    }

    /**
     * Overwrites each parameter's value with its average, to evaluate the averaged model. Keep a copy of the
     * values first if training is to go on from them.
     *
     * @throws IllegalStateException for a parameter without an average (no step yet)
     */
    public void copyAveragesTo(List<Parameter> parameters) {
        for (Parameter parameter : parameters) {
            Tensor average = averages.get(parameter);
            if (average == null) {
                throw new IllegalStateException(NAME + ": no average of '" + parameter.name()
                        + "' yet; the average starts after the parameter's first step");
            }
            parameter.value().copyFrom(average);
        }
    }

    @Override
    public State state() {
        State.Builder state = State.builder();
        averages.saveTo(state);
        return state.build();
    }

    /** @throws IllegalArgumentException for an entry ema does not keep */
    @Override
    public void loadState(State state) {
        requireNonNull(state, "state is null");
        Transforms.requireOnly(NAME, state, List.of(), List.of(averages));
        averages.loadFrom(state);
    }

    @Override
    public String toString() {
        return NAME + "(decay=" + Checks.format(decay) + ")";
    }
}
