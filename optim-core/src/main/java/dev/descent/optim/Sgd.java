package dev.descent.optim;

import static java.util.Objects.requireNonNull;

import dev.descent.api.ElementwiseOptimizer;
import dev.descent.api.Optimizer;
import dev.descent.api.Parameter;
import dev.descent.api.State;
import dev.descent.api.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Stochastic gradient descent with optional momentum, Nesterov momentum and weight decay: PyTorch's
 * {@code torch.optim.SGD}, with its parameters, defaults and update rule. Per element, with {@code g} the
 * gradient:
 *
 * <pre>
 * if maximize:          g = -g
 * if weight_decay != 0: g = g + weight_decay * p
 * if momentum != 0:     buf = g                                        (first step)
 *                       buf = momentum * buf + (1 - dampening) * g     (later steps)
 *                       g = nesterov ? g + momentum * buf : buf
 * p = p - lr * g
 * </pre>
 *
 * <p>The update runs in {@code float}, as PyTorch's does for float32 parameters, with the hyperparameters
 * rounded to float. Each {@code a + alpha * b} is a fused multiply-add, as in PyTorch's vectorised CPU
 * kernel for {@code add(other, alpha=...)}.
 *
 * <p>{@link #state()} holds the learning rate ({@code lr}) and one momentum buffer per parameter
 * ({@code momentum_buffer/<parameter name>}); parameter names must therefore be distinct.
 */
public final class Sgd implements Optimizer {
    /** PyTorch 2.x's default learning rate. */
    public static final double DEFAULT_LR = 0.001;

    static final String NAME = "sgd";
    static final String LR_KEY = "lr";
    private static final int PARALLEL_CHUNK = 1 << 15;

    private final double momentum;
    private final double dampening;
    private final boolean nesterov;
    private final double weightDecay;
    private final boolean maximize;
    private final Slot momentumBuffers = new Slot("momentum_buffer");
    private double lr;

    private Sgd(Builder builder) {
        this.lr = Checks.atLeast(NAME, "lr", builder.lr, 0);
        this.momentum = Checks.atLeast(NAME, "momentum", builder.momentum, 0);
        this.dampening = builder.dampening;
        this.nesterov = builder.nesterov;
        this.weightDecay = Checks.atLeast(NAME, "weight_decay", builder.weightDecay, 0);
        this.maximize = builder.maximize;
        if (Double.isNaN(dampening)) {
            throw new IllegalArgumentException(NAME + ": dampening must be a number, got 'NaN'");
        }
        if (nesterov && (momentum <= 0 || dampening != 0)) {
            throw new IllegalArgumentException(NAME + ": Nesterov momentum requires a momentum and zero dampening:"
                    + " nesterov=true needs momentum > 0 and dampening = 0, got momentum '"
                    + Checks.format(momentum) + "' and dampening '" + Checks.format(dampening) + "'");
        }
    }

    /** A builder starting from PyTorch's defaults: lr 0.001, no momentum, no weight decay. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void step(List<Parameter> parameters) {
        requireNonNull(parameters, "parameters is null");
        Checks.requireDistinctNames(NAME, parameters);
        List<Update> updates = parameters.stream().map(this::prepare).toList();
        long elements = 0;
        for (Update update : updates) {
            elements += update.p.length;
        }
        if (elements < ElementwiseOptimizer.PARALLEL_ELEMENTS || Runtime.getRuntime().availableProcessors() < 2) {
            updates.forEach(update -> update.run(0, update.p.length));
            return;
        }
        // As ElementwiseOptimizer: chunks on the common pool; each element's arithmetic, so the result, is unchanged.
        List<Runnable> chunks = new ArrayList<>();
        for (Update update : updates) {
            for (int from = 0; from < update.p.length; from += PARALLEL_CHUNK) {
                int start = from;
                int end = Math.min(update.p.length, from + PARALLEL_CHUNK);
                chunks.add(() -> update.run(start, end));
            }
        }
        chunks.parallelStream().forEach(Runnable::run);
    }

    /** One parameter's step, its momentum buffer found or created, to run over any range of its elements. */
    private Update prepare(Parameter parameter) {
        float[] buf = null;
        boolean firstStep = false;
        if (momentum != 0) {
            Tensor buffer = momentumBuffers.get(parameter);
            firstStep = buffer == null;
            buf = (firstStep ? momentumBuffers.create(parameter) : buffer).data();
        }
        return new Update(parameter.value().data(), parameter.gradient().data(), buf, firstStep);
    }

    private final class Update {
        final float[] p;
        final float[] grad;
        final float[] buf;
        final boolean firstStep;

        Update(float[] p, float[] grad, float[] buf, boolean firstStep) {
            this.p = p;
            this.grad = grad;
            this.buf = buf;
            this.firstStep = firstStep;
        }

        void run(int from, int to) {
            // PyTorch rounds the scalar hyperparameters to the parameter's dtype, float.
            float lr = (float) Sgd.this.lr;
            float momentum = (float) Sgd.this.momentum;
            float oneMinusDampening = (float) (1 - dampening);
            float weightDecay = (float) Sgd.this.weightDecay;
            boolean decay = Sgd.this.weightDecay != 0;
            float[] p = this.p;
            float[] grad = this.grad;
            float[] buf = this.buf;

            if (buf != null && !firstStep && !decay && !maximize) {
                // The usual momentum step, in a loop of its own: the JIT does not hoist the general loop's
                // several invariant branches, and this one runs about 3x faster (bench/OptimizerBenchmark).
                for (int i = from; i < to; i++) {
                    float b = Math.fma(oneMinusDampening, grad[i], buf[i] * momentum);
                    buf[i] = b;
                    p[i] = Math.fma(-lr, nesterov ? Math.fma(momentum, b, grad[i]) : b, p[i]);
                }
                return;
            }
            for (int i = from; i < to; i++) {
                float g = maximize ? -grad[i] : grad[i];
                if (decay) {
                    g = Math.fma(weightDecay, p[i], g);
                }
                if (buf != null) {
                    // PyTorch starts the buffer at the first gradient itself, undamped.
                    buf[i] = firstStep ? g : Math.fma(oneMinusDampening, g, buf[i] * momentum);
                    g = nesterov ? Math.fma(momentum, buf[i], g) : buf[i];
                }
                p[i] = Math.fma(-lr, g, p[i]);
            }
        }
    }


    @Override
    public double learningRate() {
        return lr;
    }

    @Override
    public void setLearningRate(double learningRate) {
        this.lr = Checks.atLeast(NAME, "lr", learningRate, 0);
    }

    @Override
    public State state() {
        State.Builder state = State.builder().put(LR_KEY, lr);
        momentumBuffers.saveTo(state);
        return state.build();
    }

    /**
     * Restores the learning rate and momentum buffers of a {@link #state()} snapshot, copying them. A
     * parameter without a buffer in {@code state} starts its momentum afresh on its next step; a state
     * without {@code lr} keeps the current learning rate.
     *
     * @throws IllegalArgumentException for an entry SGD does not keep, such as another optimizer's state;
     *     nothing is changed then
     */
    @Override
    public void loadState(State state) {
        requireNonNull(state, "state is null");
        for (String key : state.numbers().keySet()) {
            if (!key.equals(LR_KEY)) {
                throw unknownEntry(key);
            }
        }
        for (String key : state.tensors().keySet()) {
            if (!momentumBuffers.holds(key)) {
                throw unknownEntry(key);
            }
        }
        double restored = Checks.atLeast(NAME, "lr in the state", state.number(LR_KEY, lr), 0);
        momentumBuffers.loadFrom(state);
        lr = restored;
    }

    private IllegalArgumentException unknownEntry(String key) {
        return new IllegalArgumentException(NAME + " state has an unknown entry '" + key + "'; " + NAME
                + " keeps '" + LR_KEY + "' and '" + momentumBuffers.keyPattern() + "'");
    }

    /** The settings as a spec would write them: {@code sgd(lr=0.1, momentum=0.9, ...)}. */
    @Override
    public String toString() {
        return NAME + "(lr=" + Checks.format(lr) + ", momentum=" + Checks.format(momentum) + ", dampening="
                + Checks.format(dampening) + ", nesterov=" + nesterov + ", weight_decay="
                + Checks.format(weightDecay) + ", maximize=" + maximize + ")";
    }

    /** Collects the settings; {@link #build()} checks them as PyTorch's constructor does. */
    public static final class Builder {
        private double lr = DEFAULT_LR;
        private double momentum;
        private double dampening;
        private boolean nesterov;
        private double weightDecay;
        private boolean maximize;

        private Builder() {}

        /** Learning rate, {@code >= 0}; default 0.001. */
        public Builder lr(double lr) {
            this.lr = lr;
            return this;
        }

        /** Momentum factor, {@code >= 0}; default 0, no momentum. */
        public Builder momentum(double momentum) {
            this.momentum = momentum;
            return this;
        }

        /** Dampening for momentum, any number; default 0. */
        public Builder dampening(double dampening) {
            this.dampening = dampening;
            return this;
        }

        /** Nesterov momentum; needs momentum {@code > 0} and dampening 0. Default false. */
        public Builder nesterov(boolean nesterov) {
            this.nesterov = nesterov;
            return this;
        }

        /** L2 penalty added to the gradient, {@code >= 0}; default 0. */
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
         * @throws IllegalArgumentException for a negative lr, momentum or weight decay, or Nesterov momentum
         *     without momentum or with dampening
         */
        public Sgd build() {
            return new Sgd(this);
        }
    }
}
