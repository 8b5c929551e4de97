package org.acme.descent.adabelief;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Optimizer;
import dev.descent.api.Parameter;
import dev.descent.api.State;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * AdaBelief, from Zhuang et al., "AdaBelief Optimizer: Adapting Stepsizes by the Belief in Observed
 * Gradients" (NeurIPS 2020), following the authors' PyTorch reference {@code adabelief-pytorch} 0.2.0 with
 * {@code rectify=False}. Adam divides by the spread of the gradient around zero; AdaBelief divides by its
 * spread around the prediction {@code m}, so it takes large steps where the gradient is as "believed" and
 * small ones where it surprises. Per element, with {@code g} the gradient and k the step count from 1:
 *
 * <pre>
 * weight decay:   p = p (1 - lr wd)               (weight_decouple, the default)
 *                 p = p (1 - wd)                  (weight_decouple and fixed_decay)
 *                 g = g + wd p                    (not weight_decouple: an L2 penalty)
 * m = b1 m + (1 - b1) g
 * s = b2 s + (1 - b2) (g - m)^2 + eps             (the reference adds eps to the stored s)
 * s_max = max(s_max, s)                           (amsgrad only; then s_max replaces s below)
 * p = p - lr / (1 - b1^k) * m / (sqrt(s / (1 - b2^k)) + eps)
 * </pre>
 *
 * <p>Defaults are those of the reference 0.2.0: lr 1e-3, betas (0.9, 0.999), eps 1e-16, weight decay 0,
 * decoupled, not fixed, no AMSGrad. The reference's default {@code rectify=True} (a RAdam-style warm-up)
 * is not implemented: this is its {@code rectify=False} update.
 *
 * <p>The update runs in {@code float} with the hyperparameters rounded to float, as PyTorch's does for
 * float32 parameters; the bias corrections are computed in double, as the reference does in Python.
 *
 * <p>{@link #state()} holds {@code lr}, {@code step} (the number of steps taken, shared by all
 * parameters: every call of {@link #step} counts one) and per parameter {@code exp_avg/<name>},
 * {@code exp_avg_var/<name>} and, with AMSGrad, {@code max_exp_avg_var/<name>}. Because the count is
 * shared, a parameter first seen after k steps is bias-corrected as if it had k steps of history, where
 * the reference would count its own; step one fixed set of parameters, as a model does.
 */
public final class AdaBelief implements Optimizer {
    /** The canonical name, as written in specs. */
    public static final String NAME = "adabelief";

    static final String LR_KEY = "lr";
    static final String STEP_KEY = "step";

    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final boolean amsgrad;
    private final boolean weightDecouple;
    private final boolean fixedDecay;
    private final Slot expAvg = new Slot(NAME, "exp_avg");
    private final Slot expAvgVar = new Slot(NAME, "exp_avg_var");
    private final Slot maxExpAvgVar = new Slot(NAME, "max_exp_avg_var");
    private double lr;
    private long step;

    private AdaBelief(Builder builder) {
        this.lr = atLeast("lr", builder.lr, 0);
        this.beta1 = beta("betas[0]", builder.beta1);
        this.beta2 = beta("betas[1]", builder.beta2);
        this.eps = atLeast("eps", builder.eps, 0);
        this.weightDecay = atLeast("weight_decay", builder.weightDecay, 0);
        this.amsgrad = builder.amsgrad;
        this.weightDecouple = builder.weightDecouple;
        this.fixedDecay = builder.fixedDecay;
    }

    /** A builder starting from the reference 0.2.0's defaults (see the class comment). */
    public static Builder builder() {
        return new Builder();
    }

    private static double atLeast(String name, double value, double bound) {
        if (!(value >= bound) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(NAME + ": " + name + " must be a finite number >= " + bound
                    + ", got '" + value + "'");
        }
        return value;
    }

    private static double beta(String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(NAME + ": " + name + " must be in [0, 1), got '" + value + "'");
        }
        return value;
    }

    @Override
    public void step(List<Parameter> parameters) {
        requireNonNull(parameters, "parameters is null");
        requireDistinctNames(parameters);
        step++;
        double biasCorrection1 = 1 - Math.pow(beta1, step);
        double biasCorrection2 = 1 - Math.pow(beta2, step);
        for (Parameter parameter : parameters) {
            update(parameter, biasCorrection1, biasCorrection2);
        }
    }

    private void update(Parameter parameter, double biasCorrection1, double biasCorrection2) {
        float[] p = parameter.value().data();
        float[] grad = parameter.gradient().data();
        float[] m = expAvg.of(parameter).data();
        float[] s = expAvgVar.of(parameter).data();
        float[] sMax = amsgrad ? maxExpAvgVar.of(parameter).data() : null;
        // PyTorch rounds the scalar hyperparameters to the parameter's dtype, float.
        float b1 = (float) beta1;
        float oneMinusB1 = (float) (1 - beta1);
        float b2 = (float) beta2;
        float oneMinusB2 = (float) (1 - beta2);
        float epsilon = (float) eps;
        float decay = (float) weightDecay;
        float shrink = (float) (fixedDecay ? 1 - weightDecay : 1 - lr * weightDecay);
        float sqrtBiasCorrection2 = (float) Math.sqrt(biasCorrection2);
        float stepSize = (float) (lr / biasCorrection1);

        for (int i = 0; i < p.length; i++) {
            float g = grad[i];
            if (weightDecouple) {
                p[i] *= shrink;
            } else if (weightDecay != 0) {
                g = Math.fma(decay, p[i], g);
            }
            m[i] = Math.fma(oneMinusB1, g, m[i] * b1);
            float residual = g - m[i];
            s[i] = Math.fma(oneMinusB2, residual * residual, s[i] * b2) + epsilon;
            float variance = s[i];
            if (sMax != null) {
                sMax[i] = Math.max(sMax[i], s[i]);
                variance = sMax[i];
            }
            float denominator = (float) Math.sqrt(variance) / sqrtBiasCorrection2 + epsilon;
            p[i] = Math.fma(-stepSize, m[i] / denominator, p[i]);
        }
    }

    // Two parameters with one name would share moment estimates and silently corrupt each other.
    private static void requireDistinctNames(List<Parameter> parameters) {
        Set<String> seen = new HashSet<>();
        for (Parameter parameter : parameters) {
            if (!seen.add(parameter.name())) {
                throw new IllegalArgumentException(NAME + ": two parameters are named '" + parameter.name()
                        + "'; optimizer state is keyed by name, so names must be distinct (e.g. 0.weight, 1.weight)");
            }
        }
    }

    @Override
    public double learningRate() {
        return lr;
    }

    @Override
    public void setLearningRate(double learningRate) {
        this.lr = atLeast("lr", learningRate, 0);
    }

    /** The number of steps taken, the k of the bias corrections. */
    public long steps() {
        return step;
    }

    @Override
    public State state() {
        State.Builder state = State.builder().put(LR_KEY, lr).put(STEP_KEY, step);
        expAvg.saveTo(state);
        expAvgVar.saveTo(state);
        maxExpAvgVar.saveTo(state);
        return state.build();
    }

    /**
     * Restores a {@link #state()} snapshot, copying its tensors. A state without {@code lr} keeps the
     * current learning rate; one without {@code step} starts the count at 0.
     *
     * @throws IllegalArgumentException for an entry AdaBelief does not keep, such as another optimizer's
     *     state, or a step count that is not a whole number {@code >= 0}; nothing is changed then
     */
    @Override
    public void loadState(State state) {
        requireNonNull(state, "state is null");
        for (String key : state.numbers().keySet()) {
            if (!key.equals(LR_KEY) && !key.equals(STEP_KEY)) {
                throw unknownEntry(key);
            }
        }
        for (String key : state.tensors().keySet()) {
            if (!expAvg.holds(key) && !expAvgVar.holds(key) && !maxExpAvgVar.holds(key)) {
                throw unknownEntry(key);
            }
        }
        double restoredLr = atLeast("lr in the state", state.number(LR_KEY, lr), 0);
        double restoredStep = state.number(STEP_KEY, 0);
        if (!(restoredStep >= 0) || restoredStep != Math.rint(restoredStep)) {
            throw new IllegalArgumentException(NAME + ": step in the state must be a whole number >= 0, got '"
                    + restoredStep + "'");
        }
        expAvg.loadFrom(state);
        expAvgVar.loadFrom(state);
        maxExpAvgVar.loadFrom(state);
        lr = restoredLr;
        step = (long) restoredStep;
    }

    private IllegalArgumentException unknownEntry(String key) {
        return new IllegalArgumentException(NAME + " state has an unknown entry '" + key + "'; " + NAME
                + " keeps '" + LR_KEY + "', '" + STEP_KEY + "', '" + expAvg.keyPattern() + "', '"
                + expAvgVar.keyPattern() + "' and '" + maxExpAvgVar.keyPattern() + "'");
    }

    /** The settings as a spec would write them. */
    @Override
    public String toString() {
        return NAME + "(lr=" + lr + ", betas=[" + beta1 + ", " + beta2 + "], eps=" + eps + ", weight_decay="
                + weightDecay + ", amsgrad=" + amsgrad + ", weight_decouple=" + weightDecouple + ", fixed_decay="
                + fixedDecay + ")";
    }

    /** Collects the settings; {@link #build()} checks them as the reference's constructor does. */
    public static final class Builder {
        private double lr = 1e-3;
        private double beta1 = 0.9;
        private double beta2 = 0.999;
        private double eps = 1e-16;
        private double weightDecay;
        private boolean amsgrad;
        private boolean weightDecouple = true;
        private boolean fixedDecay;

        private Builder() {}

        /** Learning rate, {@code >= 0}; default 1e-3. */
        public Builder lr(double lr) {
            this.lr = lr;
            return this;
        }

        /** Decay rates of the first moment and of the belief, each in [0, 1); default 0.9 and 0.999. */
        public Builder betas(double beta1, double beta2) {
            this.beta1 = beta1;
            this.beta2 = beta2;
            return this;
        }

        /** Added to the belief and to the denominator, {@code >= 0}; default 1e-16. */
        public Builder eps(double eps) {
            this.eps = eps;
            return this;
        }

        /** Weight decay, {@code >= 0}; default 0. */
        public Builder weightDecay(double weightDecay) {
            this.weightDecay = weightDecay;
            return this;
        }

        /** Divide by the largest belief seen so far (AMSGrad); default false. */
        public Builder amsgrad(boolean amsgrad) {
            this.amsgrad = amsgrad;
            return this;
        }

        /** Decay the weights directly, as AdamW, instead of adding an L2 term to the gradient; default true. */
        public Builder weightDecouple(boolean weightDecouple) {
            this.weightDecouple = weightDecouple;
            return this;
        }

        /** With decoupled decay, shrink by {@code 1 - wd} rather than {@code 1 - lr wd}; default false. */
        public Builder fixedDecay(boolean fixedDecay) {
            this.fixedDecay = fixedDecay;
            return this;
        }

        /** @throws IllegalArgumentException for a negative lr, eps or weight decay, or a beta outside [0, 1) */
        public AdaBelief build() {
            return new AdaBelief(this);
        }
    }
}
