package dev.descent.optim;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Optimizer;
import dev.descent.api.Parameter;
import dev.descent.api.Shapes;
import dev.descent.api.State;
import dev.descent.api.Tensor;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lookahead, from Zhang et al., "Lookahead Optimizer: k steps forward, 1 step back" (NeurIPS 2019),
 * Algorithm 1, around any inner optimizer. The inner optimizer moves the parameters (the fast weights); every
 * k of its steps the slow weights move part of the way towards them, and the fast weights start again from
 * there:
 *
 * <pre>
 * at a parameter's first step:  slow = p                   (before the inner step)
 * each step:                    inner.step(p)
 * every k-th step:              slow = slow + alpha * (p - slow)
 *                               p = slow
 * </pre>
 *
 * <p>The inner optimizer keeps its own state (moments, momentum) across the synchronisations, as in the
 * paper's experiments and optax's {@code lookahead}. The learning rate is the inner optimizer's:
 * {@link #learningRate()} and {@link #setLearningRate} pass through to it. The slow update is a fused
 * multiply-add in float, as PyTorch's {@code add(alpha=)}.
 *
 * <p>{@link #state()} holds {@code step} (inner steps taken, whose remainder by k is the place in the
 * cycle), {@code slow/<name>} per parameter, and the inner optimizer's state nested under {@code inner/}
 * (e.g. {@code inner/lr}, {@code inner/exp_avg/0.weight}).
 */
public final class Lookahead implements Optimizer {
    static final String NAME = "lookahead";
    static final String INNER = "inner";
    static final String STEP_KEY = "step";
    static final String SLOW = "slow";

    private final Optimizer inner;
    private final int k;
    private final double alpha;
    private final float rate;
    private final Map<String, Tensor> slowWeights = new HashMap<>();
    private long steps;

    /**
     * @param inner the optimizer of the fast weights
     * @param k the inner steps between synchronisations, {@code >= 1}
     * @param alpha how far the slow weights move towards the fast ones, in [0, 1]
     * @throws IllegalArgumentException for a k below 1 or an alpha outside [0, 1]
     */
    public Lookahead(Optimizer inner, int k, double alpha) {
        this.inner = requireNonNull(inner, "inner is null");
        if (k < 1) {
            throw new IllegalArgumentException(NAME + ": k must be >= 1, got '" + k + "'");
        }
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException(NAME + ": alpha must be in [0, 1], got '" + Checks.format(alpha)
                    + "'");
        }
        this.k = k;
        this.alpha = alpha;
        this.rate = (float) alpha;
    }

    /** The optimizer of the fast weights. */
    public Optimizer inner() {
        return inner;
    }

    @Override
    public void step(List<Parameter> parameters) {
        requireNonNull(parameters, "parameters is null");
        Map<String, Tensor> created = new HashMap<>();
        for (Parameter parameter : parameters) {
            requireNonNull(parameter, "parameter is null");
            Tensor slow = slowWeights.get(parameter.name());
            if (slow == null) {
                // The inner optimizer refuses two parameters of one name, before anything changes.
                created.put(parameter.name(), parameter.value().copy());
            } else if (!slow.hasShape(parameter.value().shape())) {
                throw new IllegalArgumentException(NAME + ": state '" + SLOW + "/" + parameter.name() + "' has shape "
                        + Shapes.toString(slow.shape()) + " but parameter '" + parameter.name() + "' has shape "
                        + Shapes.toString(parameter.value().shape()) + "; was the state taken from another model?");
            }
        }
        inner.step(parameters);
        slowWeights.putAll(created);
        steps++;
        if (steps % k == 0) {
            for (Parameter parameter : parameters) {
                synchronise(parameter.value().data(), slowWeights.get(parameter.name()).data());
            }
        }
    }

    private void synchronise(float[] fast, float[] slow) {
        for (int i = 0; i < fast.length; i++) {
            slow[i] = Math.fma(rate, fast[i] - slow[i], slow[i]);
            fast[i] = slow[i];
        }
    }

    @Override
    public double learningRate() {
        return inner.learningRate();
    }

    @Override
    public void setLearningRate(double learningRate) {
        inner.setLearningRate(learningRate);
    }

    @Override
    public State state() {
        State.Builder state = State.builder().put(STEP_KEY, steps).putAll(INNER, inner.state());
        slowWeights.forEach((parameter, slow) -> state.put(SLOW + "/" + parameter, slow));
        return state.build();
    }

    /**
     * Restores a {@link #state()} snapshot: the inner optimizer's from the entries under {@code inner/}, its
     * own from the rest, copying the tensors. A state without {@code step} starts a new cycle; a parameter
     * without slow weights takes its value at its next step.
     *
     * @throws IllegalArgumentException for an entry Lookahead does not keep, a step count that is not a
     *     whole number {@code >= 0}, or what the inner optimizer refuses; nothing is changed then
     */
    @Override
    public void loadState(State state) {
        requireNonNull(state, "state is null");
        State own = state.without(List.of(INNER));
        for (String key : own.numbers().keySet()) {
            if (!key.equals(STEP_KEY)) {
                throw unknownEntry(key);
            }
        }
        Map<String, Tensor> loaded = new LinkedHashMap<>();
        own.tensors().forEach((key, tensor) -> {
            if (!key.startsWith(SLOW + "/") || key.length() == SLOW.length() + 1) {
                throw unknownEntry(key);
            }
            loaded.put(key.substring(SLOW.length() + 1), tensor.copy());
        });
        long restoredSteps = Checks.stepCount(NAME, own.number(STEP_KEY, 0));
        inner.loadState(state.under(INNER));
        slowWeights.clear();
        slowWeights.putAll(loaded);
        steps = restoredSteps;
    }

    private static IllegalArgumentException unknownEntry(String key) {
        return new IllegalArgumentException(NAME + " state has an unknown entry '" + key + "'; " + NAME + " keeps '"
                + STEP_KEY + "', '" + SLOW + "/<parameter name>' and its inner optimizer's state under '" + INNER
                + "/'");
    }

    /** The settings as a spec would write them: {@code lookahead(k=5, alpha=0.5, inner=adam(...))}. */
    @Override
    public String toString() {
        return NAME + "(k=" + k + ", alpha=" + Checks.format(alpha) + ", inner=" + inner + ")";
    }
}
