package dev.descent.api;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The base of optimizers whose update treats every element of every parameter alike, given per-element
 * state such as Adam's moment estimates. A subclass declares its state slots by name and writes its update
 * rule for one element; this class keeps the slots (one {@code float[]} per slot and parameter, created
 * on the parameter's first step), the learning rate and the step count, and makes {@link #state()} and
 * {@link #loadState} exact, so a run resumed from a state follows the uninterrupted trajectory bit for bit.
 *
 * <pre>{@code
 * public final class MyAdam extends ElementwiseOptimizer {
 *     private final float beta1 = 0.9f, beta2 = 0.999f, eps = 1e-8f;
 *     private float stepSize, sqrtBiasCorrection2;
 *
 *     public MyAdam(double lr) {
 *         super("my_adam", lr, List.of("exp_avg", "exp_avg_sq"));
 *     }
 *
 *     @Override
 *     protected void beginStep(long step) {
 *         stepSize = (float) (learningRate() / (1 - Math.pow(0.9, step)));
 *         sqrtBiasCorrection2 = (float) Math.sqrt(1 - Math.pow(0.999, step));
 *     }
 *
 *     @Override
 *     protected void update(int i, float[] p, float[] g, float[][] slots) {
 *         float[] m = slots[0], v = slots[1];
 *         m[i] = beta1 * m[i] + (1 - beta1) * g[i];
 *         v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
 *         p[i] -= stepSize * m[i] / ((float) Math.sqrt(v[i]) / sqrtBiasCorrection2 + eps);
 *     }
 * }
 * }</pre>
 *
 * <p><b>The step count</b> ({@link #steps()}) counts calls of {@link #step}, from 1 in the first call, and
 * is shared by all parameters: a parameter first seen after k steps gets step k + 1 at once, where PyTorch
 * would count its own from 1. Step one fixed set of parameters, as a model does, and the two agree.
 *
 * <p><b>State</b>: {@link #state()} holds {@code lr}, {@code step} and, for each slot and parameter,
 * {@code <slot>/<parameter name>} (e.g. {@code exp_avg/0.weight}), slot names following PyTorch's
 * optimizer state. Parameter names must therefore be distinct within one {@link #step} call.
 *
 * <p><b>Threading</b>: an optimizer is not thread-safe; step it from one thread at a time.
 */
public abstract class ElementwiseOptimizer implements Optimizer {
    /** The key of the learning rate in {@link #state()}. */
    public static final String LR_KEY = "lr";
    /** The key of the step count in {@link #state()}. */
    public static final String STEP_KEY = "step";

    /**
     * From this many elements in all, a step updates the elements on several threads (the common fork-join
     * pool), unless the subclass overrides {@link #update(float[], float[], float[][])}.
     */
    public static final int PARALLEL_ELEMENTS = 1 << 19;
    private static final int PARALLEL_CHUNK = 1 << 15;
    /** Whether a class overrides the whole-parameter update, whose work cannot be split by element. */
    private static final ClassValue<Boolean> WHOLE_PARAMETER_UPDATE = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            for (Class<?> c = type; c != ElementwiseOptimizer.class; c = c.getSuperclass()) {
                try {
                    c.getDeclaredMethod("update", float[].class, float[].class, float[][].class);
                    return true;
                } catch (NoSuchMethodException e) {
                    // not declared here: look further up
                }
            }
            return false;
        }
    };

    private final String name;
    private final List<String> slots;
    private final Map<String, Tensor[]> buffers = new HashMap<>();
    private double lr;
    private long steps;

    /**
     * @param name the canonical name, used in messages and by {@link #name()}
     * @param learningRate the initial learning rate, {@code >= 0}
     * @param slots the names of the per-element state slots, in the order {@link #update} receives them;
     *     distinct, non-blank, without {@code /}
     * @throws IllegalArgumentException for a negative or NaN learning rate or an invalid slot name
     */
    protected ElementwiseOptimizer(String name, double learningRate, List<String> slots) {
        this.name = requireNonNull(name, "name is null");
        this.slots = List.copyOf(requireNonNull(slots, "slots is null"));
        Set<String> seen = new HashSet<>();
        for (String slot : this.slots) {
            if (slot.isBlank() || slot.contains("/") || !seen.add(slot)) {
                throw new IllegalArgumentException(name + ": slot names must be distinct, non-blank and without '/',"
                        + " got " + this.slots);
            }
        }
        this.lr = atLeast("lr", learningRate, 0);
    }

    /**
     * Called once at the start of each {@link #step}, before any parameter is updated, with the new step
     * count (1 in the first call): compute here what depends on the step and the learning rate, such as
     * bias corrections. Does nothing by default.
     */
    protected void beginStep(long step) {}

    /**
     * Updates element {@code i}: reads the gradient {@code g[i]}, updates {@code p[i]} and the slots'
     * element {@code i}. {@code slots} holds one array per declared slot, in declaration order, each the
     * length of {@code p}; {@code g} must not be written. Called once per element and step, so it should be
     * cheap and allocation-free; make the subclass final so the JIT can inline it.
     *
     * <p>When the parameters of a step hold {@link #PARALLEL_ELEMENTS} elements or more, this is called from
     * several threads at once, for different elements: write element {@code i} of {@code p} and the slots
     * only, and no field (fields set in {@link #beginStep} may be read). A subclass that overrides
     * {@link #update(float[], float[], float[][])} is always updated on the calling thread.
     */
    protected abstract void update(int i, float[] p, float[] g, float[][] slots);

    /**
     * Updates one parameter: by default {@link #update(int, float[], float[], float[][])} for each element
     * in order. Override to write the loop yourself (e.g. to hoist a branch out of it), or to add a pass over
     * the whole parameter, as LAMB scales each parameter's update by a ratio of norms (call this method for
     * the per-element pass). An optimizer that overrides it is updated on one thread.
     */
    protected void update(float[] p, float[] g, float[][] slots) {
        for (int i = 0; i < p.length; i++) {
            update(i, p, g, slots);
        }
    }

    /**
     * The value a slot starts at when a parameter is first stepped; 0 unless overridden (Adagrad starts its
     * sum at {@code initial_accumulator_value}).
     *
     * @param slot the slot's index in the declared slots
     */
    protected float initialValue(int slot) {
        return 0f;
    }

    /** The canonical name given to the constructor. */
    public final String name() {
        return name;
    }

    /** The declared slot names, in order. */
    public final List<String> slots() {
        return slots;
    }

    /** The number of steps taken: 0 before the first, k during and after the k-th. */
    public final long steps() {
        return steps;
    }

    @Override
    public final void step(List<Parameter> parameters) {
        requireNonNull(parameters, "parameters is null");
        float[][][] state = new float[parameters.size()][][];
        Map<String, Tensor[]> created = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (int k = 0; k < parameters.size(); k++) {
            Parameter parameter = requireNonNull(parameters.get(k), "parameter is null");
            if (!seen.add(parameter.name())) {
                throw new IllegalArgumentException(name + ": two parameters are named '" + parameter.name()
                        + "'; optimizer state is keyed by name, so names must be distinct (e.g. 0.weight, 1.weight)");
            }
            Tensor[] slotTensors = buffers.get(parameter.name());
            if (slotTensors == null) {
                slotTensors = newSlots(parameter);
                created.put(parameter.name(), slotTensors);
            } else {
                requireShapes(parameter, slotTensors);
            }
            state[k] = new float[slots.size()][];
            for (int s = 0; s < slots.size(); s++) {
                state[k][s] = slotTensors[s].data();
            }
        }
        // Only now that every parameter passed its checks does anything change.
        buffers.putAll(created);
        steps++;
        beginStep(steps);
        long elements = 0;
        for (Parameter parameter : parameters) {
            elements += parameter.value().size();
        }
        if (elements >= PARALLEL_ELEMENTS && !WHOLE_PARAMETER_UPDATE.get(getClass())
                && Runtime.getRuntime().availableProcessors() > 1) {
            updateInParallel(parameters, state);
            return;
        }
        for (int k = 0; k < parameters.size(); k++) {
            Parameter parameter = parameters.get(k);
            update(parameter.value().data(), parameter.gradient().data(), state[k]);
        }
    }

    /**
     * Runs the element updates in chunks on the common fork-join pool. Each element's arithmetic is the same
     * as on one thread, so the result is too, bit for bit.
     */
    private void updateInParallel(List<Parameter> parameters, float[][][] state) {
        List<Runnable> chunks = new ArrayList<>();
        for (int k = 0; k < parameters.size(); k++) {
            float[] p = parameters.get(k).value().data();
            float[] g = parameters.get(k).gradient().data();
            float[][] slotArrays = state[k];
            for (int from = 0; from < p.length; from += PARALLEL_CHUNK) {
                int start = from;
                int end = Math.min(p.length, from + PARALLEL_CHUNK);
                chunks.add(() -> {
                    for (int i = start; i < end; i++) {
                        update(i, p, g, slotArrays);
                    }
                });
            }
        }
        chunks.parallelStream().forEach(Runnable::run);
    }

    private Tensor[] newSlots(Parameter parameter) {
        Tensor[] created = new Tensor[slots.size()];
        for (int s = 0; s < slots.size(); s++) {
            created[s] = Tensor.zerosLike(parameter.value());
            float initial = initialValue(s);
            if (initial != 0f) {
                created[s].fill(initial);
            }
        }
        return created;
    }

    private void requireShapes(Parameter parameter, Tensor[] slotTensors) {
        for (int s = 0; s < slots.size(); s++) {
            if (!slotTensors[s].hasShape(parameter.value().shape())) {
                throw new IllegalArgumentException(name + ": state '" + slots.get(s) + "/" + parameter.name()
                        + "' has shape " + Shapes.toString(slotTensors[s].shape()) + " but parameter '"
                        + parameter.name() + "' has shape " + Shapes.toString(parameter.value().shape())
                        + "; was the state taken from another model?");
            }
        }
    }

    @Override
    public final double learningRate() {
        return lr;
    }

    @Override
    public final void setLearningRate(double learningRate) {
        this.lr = atLeast("lr", learningRate, 0);
    }

    /**
     * The learning rate, the step count and every slot of every parameter stepped so far, copied, each of
     * its parameter's shape.
     */
    @Override
    public final State state() {
        State.Builder state = State.builder().put(LR_KEY, lr).put(STEP_KEY, steps);
        buffers.forEach((parameter, slotTensors) -> {
            for (int s = 0; s < slots.size(); s++) {
                state.put(slots.get(s) + "/" + parameter, slotTensors[s]);
            }
        });
        return state.build();
    }

    /**
     * Restores a {@link #state()} snapshot, copying its tensors. A slot's shape is checked against its
     * parameter's at the parameter's next step.
     * A state without {@code lr} keeps the current learning rate; one without {@code step} starts the count
     * at 0. Parameters the state does not mention start afresh on their next step.
     *
     * @throws IllegalArgumentException for an entry this optimizer does not keep (such as another
     *     optimizer's state), a step count that is not a whole number {@code >= 0}, a parameter with some
     *     of its slots but not all, or slots of different shapes; nothing is changed then
     */
    @Override
    public final void loadState(State state) {
        requireNonNull(state, "state is null");
        for (String key : state.numbers().keySet()) {
            if (!key.equals(LR_KEY) && !key.equals(STEP_KEY)) {
                throw unknownEntry(key);
            }
        }
        Map<String, Tensor[]> loaded = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> entry : state.tensors().entrySet()) {
            String key = entry.getKey();
            int slash = key.indexOf('/');
            int slot = slash < 0 ? -1 : slots.indexOf(key.substring(0, slash));
            if (slot < 0 || slash == key.length() - 1) {
                throw unknownEntry(key);
            }
            loaded.computeIfAbsent(key.substring(slash + 1), parameter -> new Tensor[slots.size()])[slot] =
                    entry.getValue().copy();
        }
        loaded.forEach((parameter, slotTensors) -> {
            for (int s = 0; s < slots.size(); s++) {
                if (slotTensors[s] == null) {
                    throw new IllegalArgumentException(name + " state has no '" + slots.get(s) + "/" + parameter
                            + "' but has other slots of parameter '" + parameter + "'; " + name + " keeps "
                            + keyPatterns() + " for each parameter");
                }
                if (!slotTensors[s].hasShape(slotTensors[0].shape())) {
                    throw new IllegalArgumentException(name + " state has '" + slots.get(0) + "/" + parameter
                            + "' of shape " + Shapes.toString(slotTensors[0].shape()) + " but '" + slots.get(s) + "/"
                            + parameter + "' of shape " + Shapes.toString(slotTensors[s].shape()));
                }
            }
        });
        double restoredLr = atLeast("lr in the state", state.number(LR_KEY, lr), 0);
        double restoredSteps = state.number(STEP_KEY, 0);
        if (!(restoredSteps >= 0) || restoredSteps != Math.rint(restoredSteps) || restoredSteps > 0x1p53) {
            throw new IllegalArgumentException(name + ": step in the state must be a whole number >= 0, got '"
                    + format(restoredSteps) + "'");
        }
        buffers.clear();
        buffers.putAll(loaded);
        lr = restoredLr;
        steps = (long) restoredSteps;
    }

    private IllegalArgumentException unknownEntry(String key) {
        return new IllegalArgumentException(name + " state has an unknown entry '" + key + "'; " + name + " keeps '"
                + LR_KEY + "', '" + STEP_KEY + "'" + (slots.isEmpty() ? "" : " and " + keyPatterns()));
    }

    private String keyPatterns() {
        return String.join(", ", slots.stream().map(slot -> "'" + slot + "/<parameter name>'").toList());
    }

    /**
     * Returns {@code value} if it is at least {@code bound}; NaN is refused too.
     *
     * @throws IllegalArgumentException {@code adam: eps must be >= 0, got '-1'}
     */
    protected final double atLeast(String parameter, double value, double bound) {
        if (!(value >= bound)) {
            throw new IllegalArgumentException(name + ": " + parameter + " must be >= " + format(bound) + ", got '"
                    + format(value) + "'");
        }
        return value;
    }

    /**
     * Returns {@code value} if it lies in {@code [0, 1)}, as a decay rate (beta, alpha, rho) must.
     *
     * @throws IllegalArgumentException {@code adam: betas[1] must be in [0, 1), got '1'}
     */
    protected final double decayRate(String parameter, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(name + ": " + parameter + " must be in [0, 1), got '" + format(value)
                    + "'");
        }
        return value;
    }

    /** A number as a spec would write it: {@code 0}, {@code 0.9}, {@code 1.0E-8}, {@code inf}. */
    protected static String format(double value) {
        return SpecValue.NumberValue.of(value).text();
    }
}
