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
 * Adafactor, from Shazeer and Stern, "Adafactor: Adaptive Learning Rates with Sublinear Memory Cost" (ICML
 * 2018), as PyTorch 2.5 defines it in {@code torch.optim.Adafactor}, with its parameters and defaults. For a
 * parameter of rank 2 or more the second moment of an {@code [..., m, n]} gradient is kept factored, as the
 * running means of its rows ({@code [..., m, 1]}) and of its columns ({@code [..., 1, n]}), over the last two
 * dimensions: m + n numbers per matrix instead of m n. Lower ranks keep it whole. With {@code g} the
 * gradient and t the step count from 1:
 *
 * <pre>
 * if maximize: g = -g
 * w     = t^beta2_decay                                  (1 - beta2_t: 1 at t = 1, then falling)
 * rho   = min(lr, 1 / sqrt(t))                           (the relative step size)
 * alpha = max(eps2, RMS(p)) * rho                        (RMS of p before this step)
 * p     = p * (1 - lr * weight_decay)                    (decoupled weight decay)
 * rank >= 2: R = lerp(R, mean(g^2 over the last dim), w)        rows,    [..., m, 1]
 *            C = lerp(C, mean(g^2 over the dim before), w)      columns, [..., 1, n]
 *            V = R * C / max(mean(R over the rows), eps1)       [..., m, n]
 * else:      V = lerp(V, g^2, w)
 * U = g / sqrt(max(V, eps1^2))
 * p = p - alpha / max(1, RMS(U) / d) * U                 (update clipping)
 * </pre>
 *
 * <p>As PyTorch's, and unlike the paper, eps1 enters in V and U rather than in the factors, and lr caps the
 * relative step (the paper's 0.01, the default) and scales the weight decay; the update has no first moment.
 * {@code eps} is the pair (eps1, eps2); PyTorch's eps1 {@code None} is float's machine epsilon,
 * {@value #FLOAT_EPSILON}, the default here.
 *
 * <p>Float arithmetic as PyTorch's single-tensor implementation on float32: w, rho, alpha and the clipping
 * computed in double and rounded to float where they meet a tensor; a norm summed in double and rounded to
 * float; {@code lerp} as PyTorch's (a fused multiply-add from the nearer end); one rounding per other operation.
 *
 * <p>{@link #state()} holds {@code lr}, {@code step} (shared by all parameters, where PyTorch counts per
 * parameter: the same for a fixed set of parameters) and per parameter either {@code row_var/<name>} and
 * {@code col_var/<name>} (rank 2 or more) or {@code variance/<name>}, PyTorch's names and shapes. A state
 * is not per element of the parameter, so this class keeps it itself rather than on ElementwiseOptimizer.
 */
public final class Adafactor implements Optimizer {
    static final String NAME = "adafactor";
    static final String LR_KEY = "lr";
    static final String STEP_KEY = "step";
    static final String ROWS = "row_var";
    static final String COLUMNS = "col_var";
    static final String VARIANCE = "variance";
    private static final List<String> SLOTS = List.of(ROWS, COLUMNS, VARIANCE);
    /** PyTorch's default learning rate, the paper's cap on the relative step. */
    public static final double DEFAULT_LR = 0.01;
    /** float's machine epsilon, 2^-23: eps1's default, as PyTorch's {@code torch.finfo(torch.float32).eps}. */
    public static final double FLOAT_EPSILON = 0x1p-23;

    private final double beta2Decay;
    private final double eps1;
    private final double eps2;
    private final double d;
    private final double weightDecay;
    private final boolean maximize;
    /** Every factor and variance, keyed as in {@link #state()}: {@code row_var/0.weight}. */
    private final Map<String, Tensor> buffers = new HashMap<>();
    private double lr;
    private long steps;
    /** The update of the parameter being stepped, reused from one to the next. */
    private float[] update = new float[0];

    private Adafactor(Builder builder) {
        this.lr = Checks.atLeast(NAME, "lr", builder.lr, 0);
        if (!(builder.beta2Decay <= 0)) {
            throw new IllegalArgumentException(NAME + ": beta2_decay must be <= 0, got '"
                    + Checks.format(builder.beta2Decay) + "'");
        }
        this.beta2Decay = builder.beta2Decay;
        this.eps1 = Checks.atLeast(NAME, "eps[0]", builder.eps1, 0);
        this.eps2 = Checks.atLeast(NAME, "eps[1]", builder.eps2, 0);
        this.d = Checks.atLeast(NAME, "d", builder.d, 1);
        this.weightDecay = Checks.atLeast(NAME, "weight_decay", builder.weightDecay, 0);
        this.maximize = builder.maximize;
    }

    /** A builder with PyTorch 2.5's defaults: lr 0.01, beta2_decay -0.8, eps (2^-23, 0.001), d 1, no decay. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void step(List<Parameter> parameters) {
        requireNonNull(parameters, "parameters is null");
        parameters.forEach(parameter -> requireNonNull(parameter, "parameter is null"));
        Checks.requireDistinctNames(NAME, parameters);
        // Check every parameter, and create what is missing, before anything changes.
        Map<String, Tensor> created = new HashMap<>();
        List<Tensor[]> moments = parameters.stream().map(parameter -> moments(parameter, created)).toList();
        buffers.putAll(created);
        steps++;
        for (int k = 0; k < parameters.size(); k++) {
            update(parameters.get(k), moments.get(k));
        }
    }

    /**
     * The factors {@code {rows, columns}} of a parameter of rank 2 or more, or {@code {variance}}: those kept,
     * or zeros added to {@code created} on the parameter's first step.
     */
    private Tensor[] moments(Parameter parameter, Map<String, Tensor> created) {
        int[] shape = parameter.value().shape();
        boolean factored = shape.length >= 2;
        List<String> slots = factored ? List.of(ROWS, COLUMNS) : List.of(VARIANCE);
        Tensor[] moments = new Tensor[slots.size()];
        boolean fresh = SLOTS.stream().noneMatch(slot -> buffers.containsKey(key(slot, parameter.name())));
        for (int s = 0; s < slots.size(); s++) {
            String key = key(slots.get(s), parameter.name());
            int[] expected = factored ? factorShape(shape, slots.get(s)) : shape;
            Tensor moment = fresh ? Tensor.zeros(expected) : buffers.get(key);
            if (moment == null || !moment.hasShape(expected)) {
                throw new IllegalArgumentException(NAME + ": parameter '" + parameter.name() + "' of shape "
                        + Shapes.toString(shape) + " needs state '" + key + "' of shape " + Shapes.toString(expected)
                        + (moment == null ? " but the state has none" : " but it has shape "
                                + Shapes.toString(moment.shape())) + "; was the state taken from another model?");
            }
            if (fresh) {
                created.put(key, moment);
            }
            moments[s] = moment;
        }
        return moments;
    }

    /** {@code [..., m, 1]} for the rows, {@code [..., 1, n]} for the columns of an {@code [..., m, n]} shape. */
    private static int[] factorShape(int[] shape, String slot) {
        int[] factor = shape.clone();
        factor[slot.equals(ROWS) ? shape.length - 1 : shape.length - 2] = 1;
        return factor;
    }

    private void update(Parameter parameter, Tensor[] moments) {
        float[] p = parameter.value().data();
        float[] grad = parameter.gradient().data();
        int size = p.length;
        if (update.length < size) {
            update = new float[size];
        }
        // As PyTorch computes them in Python, in double.
        double t = steps;
        float weight = (float) Math.pow(t, beta2Decay);
        double rho = Math.min(lr, 1 / Math.sqrt(t));
        double alpha = Math.max(eps2, Norms.euclidean(p, 0, 1, size) / Math.sqrt(size)) * rho;
        if (weightDecay != 0) {
            float decayFactor = (float) (1 - lr * weightDecay);
            for (int i = 0; i < size; i++) {
                p[i] *= decayFactor;
            }
        }
        for (int i = 0; i < size; i++) {
            update[i] = maximize ? -grad[i] : grad[i];
        }
        // update holds g; each step below turns it into U = g / sqrt(max(V, eps1^2)) in place.
        if (moments.length == 2) {
            int[] shape = parameter.value().shape();
            int m = shape[shape.length - 2];
            int n = shape[shape.length - 1];
            for (int matrix = 0; matrix * m * n < size; matrix++) {
                scaleFactored(matrix, m, n, moments[0].data(), moments[1].data(), weight);
            }
        } else {
            float[] variance = moments[0].data();
            for (int i = 0; i < size; i++) {
                variance[i] = lerp(variance[i], update[i] * update[i], weight);
                update[i] = inverseRoot(variance[i]) * update[i];
            }
        }
        double clip = Math.max(1, Norms.euclidean(update, 0, 1, size) / (Math.sqrt(size) * d));
        float step = (float) (-alpha / clip);
        for (int i = 0; i < size; i++) {
            p[i] = Math.fma(step, update[i], p[i]);
        }
    }

    /**
     * For the {@code matrix}-th {@code [m, n]} matrix of the gradient in {@link #update}: updates its row
     * and column factors and divides it by the square root of their estimate of the second moment.
     */
    private void scaleFactored(int matrix, int m, int n, float[] rows, float[] columns, float weight) {
        int first = matrix * m * n;
        float rowSum = 0;
        for (int i = 0; i < m; i++) {
            float rowNorm = Norms.euclidean(update, first + i * n, 1, n);
            int r = matrix * m + i;
            rows[r] = lerp(rows[r], rowNorm * rowNorm / n, weight);
            rowSum += rows[r];
        }
        for (int j = 0; j < n; j++) {
            float columnNorm = Norms.euclidean(update, first + j, n, m);
            int c = matrix * n + j;
            columns[c] = lerp(columns[c], columnNorm * columnNorm / m, weight);
        }
        float rowMean = Math.max(rowSum / m, (float) eps1);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float estimate = rows[matrix * m + i] * columns[matrix * n + j] / rowMean;
                update[first + i * n + j] = inverseRoot(estimate) * update[first + i * n + j];
            }
        }
    }

    /** {@code 1 / sqrt(max(v, eps1^2))}, rounded twice as PyTorch's {@code rsqrt}. */
    private float inverseRoot(float v) {
        return 1f / (float) Math.sqrt(Math.max(v, (float) (eps1 * eps1)));
    }

    /** PyTorch's {@code lerp} in float: {@code start + weight * (end - start)}, fused, from the nearer end. */
    static float lerp(float start, float end, float weight) {
        float difference = end - start;
        return Math.abs(weight) < 0.5f ? Math.fma(weight, difference, start)
                : Math.fma(-difference, 1f - weight, end);
    }

    @Override
    public double learningRate() {
        return lr;
    }

    @Override
    public void setLearningRate(double learningRate) {
        this.lr = Checks.atLeast(NAME, "lr", learningRate, 0);
    }

    /** The step count, the learning rate and every factor and variance, copied. */
    @Override
    public State state() {
        State.Builder state = State.builder().put(LR_KEY, lr).put(STEP_KEY, steps);
        buffers.forEach(state::put);
        return state.build();
    }

    /**
     * Restores a {@link #state()} snapshot, copying its tensors. Their shapes are checked against each
     * parameter's at its next step. A state without {@code lr} keeps the current learning rate; one without
     * {@code step} starts the count at 0; a parameter it does not mention starts afresh.
     *
     * @throws IllegalArgumentException for an entry Adafactor does not keep (such as another optimizer's
     *     state), a step count that is not a whole number {@code >= 0}, or a parameter with a row factor but
     *     no column factor or the other way round; nothing is changed then
     */
    @Override
    public void loadState(State state) {
        requireNonNull(state, "state is null");
        for (String key : state.numbers().keySet()) {
            if (!key.equals(LR_KEY) && !key.equals(STEP_KEY)) {
                throw unknownEntry(key);
            }
        }
        Map<String, Tensor> loaded = new LinkedHashMap<>();
        state.tensors().forEach((key, tensor) -> {
            int slash = key.indexOf('/');
            if (slash < 0 || slash == key.length() - 1 || !SLOTS.contains(key.substring(0, slash))) {
                throw unknownEntry(key);
            }
            loaded.put(key, tensor.copy());
        });
        loaded.keySet().forEach(key -> {
            String parameter = key.substring(key.indexOf('/') + 1);
            if (loaded.containsKey(key(ROWS, parameter)) != loaded.containsKey(key(COLUMNS, parameter))) {
                throw new IllegalArgumentException(NAME + " state has only one of '" + key(ROWS, parameter)
                        + "' and '" + key(COLUMNS, parameter) + "'; a factored second moment needs both");
            }
        });
        double restoredLr = Checks.atLeast(NAME, "lr in the state", state.number(LR_KEY, lr), 0);
        long restoredSteps = Checks.stepCount(NAME, state.number(STEP_KEY, 0));
        buffers.clear();
        buffers.putAll(loaded);
        lr = restoredLr;
        steps = restoredSteps;
    }

    private static IllegalArgumentException unknownEntry(String key) {
        return new IllegalArgumentException(NAME + " state has an unknown entry '" + key + "'; " + NAME + " keeps '"
                + LR_KEY + "', '" + STEP_KEY + "', '" + ROWS + "/<parameter name>', '" + COLUMNS
                + "/<parameter name>' and '" + VARIANCE + "/<parameter name>'");
    }

    private static String key(String slot, String parameter) {
        return slot + "/" + parameter;
    }

    /** The settings as a spec would write them: {@code adafactor(lr=0.01, beta2_decay=-0.8, ...)}. */
    @Override
    public String toString() {
        return NAME + "(lr=" + Checks.format(lr) + ", beta2_decay=" + Checks.format(beta2Decay) + ", eps=["
                + Checks.format(eps1) + ", " + Checks.format(eps2) + "], d=" + Checks.format(d) + ", weight_decay="
                + Checks.format(weightDecay) + ", maximize=" + maximize + ")";
    }

    /** Collects the settings; {@link #build()} checks them as PyTorch's constructor does. */
    public static final class Builder {
        private double lr = DEFAULT_LR;
        private double beta2Decay = -0.8;
        private double eps1 = FLOAT_EPSILON;
        private double eps2 = 1e-3;
        private double d = 1;
        private double weightDecay;
        private boolean maximize;

        private Builder() {}

        /** The cap on the relative step size, and the weight decay's scale, {@code >= 0}; default 0.01. */
        public Builder lr(double lr) {
            this.lr = lr;
            return this;
        }

        /** How fast the second moment's decay rate approaches 1: {@code beta2_t = 1 - t^beta2_decay}, {@code <= 0}. */
        public Builder beta2Decay(double beta2Decay) {
            this.beta2Decay = beta2Decay;
            return this;
        }

        /**
         * eps1 bounds the second moment's estimate from below (as {@code eps1^2}) and its row mean, eps2 the
         * parameter's RMS in the step size; each {@code >= 0}. Default 2^-23 and 0.001.
         */
        public Builder eps(double eps1, double eps2) {
            this.eps1 = eps1;
            this.eps2 = eps2;
            return this;
        }

        /** The clipping threshold of the update's RMS, {@code >= 1}; default 1. */
        public Builder d(double d) {
            this.d = d;
            return this;
        }

        /** Decoupled weight decay, {@code >= 0}: each step multiplies p by {@code 1 - lr * weight_decay}. */
        public Builder weightDecay(double weightDecay) {
            this.weightDecay = weightDecay;
            return this;
        }

        /** Ascend instead of descend; default false. */
        public Builder maximize(boolean maximize) {
            this.maximize = maximize;
            return this;
        }

        /**
         * @throws IllegalArgumentException for a negative lr, eps or weight decay, a beta2_decay above 0 or a d
         *     below 1
         */
        public Adafactor build() {
            return new Adafactor(this);
        }
    }
}
