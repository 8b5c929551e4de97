package dev.descent.api;

import static java.util.Objects.requireNonNull;

/**
 * The base of losses that are a function of one (prediction, target) pair per element, reduced over all
 * elements: {@code loss = reduce(f(p[i], t[i]))}. A subclass gives {@link #value f} and its
 * {@link #derivative d f / d p}; this class checks shapes, runs the loop, reduces and scales the gradient.
 *
 * <p>What {@link #compute(Tensor, Tensor, Tensor) compute} returns, by {@link #reduction()}:
 * <ul>
 *   <li>{@link Reduction#MEAN}: {@code sum(f) / n}, gradient {@code f'(p[i], t[i]) / n}. An empty tensor
 *       gives NaN (0 / 0), as PyTorch does.</li>
 *   <li>{@link Reduction#SUM}: {@code sum(f)}, gradient {@code f'(p[i], t[i])}; 0 for an empty tensor.</li>
 *   <li>{@link Reduction#NONE}: also {@code sum(f)} and its gradient {@code f'(p[i], t[i])}, which is what
 *       PyTorch's {@code backward} with a gradient of ones gives for {@code reduction='none'}; the values
 *       themselves come from {@link #unreduced}.</li>
 * </ul>
 * The gradient buffer is overwritten, never accumulated into. Predictions and targets must have the same
 * shape, and a gradient buffer the shape of the predictions; otherwise an {@link IllegalArgumentException}
 * names the loss and both shapes.
 *
 * <p>One pass over the {@code float[]} arrays, summing in {@code double}, without allocation. Both
 * hooks receive the float values widened (exactly) to {@code double} and are called once per element,
 * so they must be pure, cheap and allocation-free; make the subclass final so the JIT can inline them.
 * NaN in an input should come out as NaN (IEEE arithmetic does this unless a hook compares).
 */
public abstract class ElementwiseLoss implements Loss {
    private final String name;
    private final Reduction reduction;

    /**
     * @param name the canonical name, used by {@link #name()} and in error messages
     * @param reduction how {@link #compute(Tensor, Tensor, Tensor) compute} reduces the values
     */
    protected ElementwiseLoss(String name, Reduction reduction) {
        this.name = requireNonNull(name, "name is null");
        this.reduction = requireNonNull(reduction, "reduction is null");
    }

    /**
     * A formula for one element in {@link Dual}s: {@code prediction} is the variable, {@code target} a
     * constant. Its value is the loss of the element and its derivative d loss / d prediction. The value
     * must be computed from values only, as every {@link Dual} operation does, never from a derivative:
     * value and gradient come from one evaluation.
     */
    @FunctionalInterface
    public interface Formula {
        Dual apply(Dual prediction, double target);
    }

    /**
     * An element-wise loss written once as a formula: value and exact gradient both come from it.
     *
     * <pre>{@code
     * Loss squared = ElementwiseLoss.of("squared", Reduction.MEAN, (p, t) -> p.minus(t).square());
     * }</pre>
     *
     * With a gradient it evaluates the formula once per element, carrying the derivative along; a subclass
     * that writes {@link #value} and {@link #derivative} by hand is still faster when the derivative has a
     * simpler form than the chain rule gives (log_cosh: {@code tanh}).
     */
    public static ElementwiseLoss of(String name, Reduction reduction, Formula formula) {
        return new FormulaLoss(name, reduction, formula);
    }

    /** What {@link #of} makes. */
    private static final class FormulaLoss extends ElementwiseLoss {
        private final Formula formula;

        FormulaLoss(String name, Reduction reduction, Formula formula) {
            super(name, reduction);
            this.formula = requireNonNull(formula, "formula is null");
        }

        @Override
        protected double value(double prediction, double target) {
            return formula.apply(Dual.constant(prediction), target).value();
        }

        @Override
        protected double derivative(double prediction, double target) {
            return formula.apply(Dual.variable(prediction), target).derivative();
        }

        /**
         * The value and the derivative from one evaluation with the prediction as the variable. A Dual's
         * value never depends on its derivative, so it is exactly what {@link #value} gives; the formula
         * (exp, log1p, ... per element) is then computed once instead of twice.
         */
        @Override
        double element(float[] p, float[] t, int i, float[] g, double scale) {
            if (g == null) {
                return value(p[i], t[i]);
            }
            Dual element = formula.apply(Dual.variable(p[i]), t[i]);
            g[i] = (float) (scale * element.derivative());
            return element.value();
        }
    }

    /** The loss of one element, {@code f(prediction, target)}. */
    protected abstract double value(double prediction, double target);

    /** {@code d f(prediction, target) / d prediction}. */
    protected abstract double derivative(double prediction, double target);

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Reduction reduction() {
        return reduction;
    }

    @Override
    public final double compute(Tensor predictions, Tensor targets, Tensor gradient) {
        check(predictions, targets);
        Shapes.requireGradientShape(name, predictions, gradient);
        float[] p = predictions.data();
        float[] t = targets.data();
        int n = p.length;
        // Only the mean scales; none is the sum, as PyTorch's backward with a gradient of ones.
        double scale = reduction == Reduction.MEAN ? 1.0 / n : 1.0;
        double sum = sum(p, t, gradient == null ? null : gradient.data(), scale);
        return reduction == Reduction.MEAN ? sum / n : sum;
    }

    @Override
    public final Tensor unreduced(Tensor predictions, Tensor targets) {
        check(predictions, targets);
        Tensor values = Tensor.zerosLike(predictions);
        float[] p = predictions.data();
        float[] t = targets.data();
        float[] v = values.data();
        for (int i = 0; i < p.length; i++) {
            v[i] = (float) value(p[i], t[i]);
        }
        return values;
    }

    private void check(Tensor predictions, Tensor targets) {
        requireNonNull(predictions, "predictions is null");
        requireNonNull(targets, "targets is null");
        Shapes.requireSameShape(name, predictions, targets);
    }

    /**
     * The sum of the values, writing {@code scale · derivative} into {@code g} unless it is null. Four partial
     * sums, element i going to partial i mod 4, added at the end as (s0 + s1) + (s2 + s3): one running sum is
     * a chain of dependent additions that holds the loop to the latency of an addition (about one element
     * per ns); four chains run side by side. The order is the same with and without a gradient, so the
     * value does not depend on whether the gradient was asked.
     */
    private double sum(float[] p, float[] t, float[] g, double scale) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (int end = p.length - 3; i < end; i += 4) {
            s0 += element(p, t, i, g, scale);
            s1 += element(p, t, i + 1, g, scale);
            s2 += element(p, t, i + 2, g, scale);
            s3 += element(p, t, i + 3, g, scale);
        }
        if (i < p.length) {
            s0 += element(p, t, i++, g, scale);
        }
        if (i < p.length) {
            s1 += element(p, t, i++, g, scale);
        }
        if (i < p.length) {
            s2 += element(p, t, i, g, scale);
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * The value of element {@code i}, writing {@code scale · derivative} into {@code g[i]} unless {@code g} is
     * null. Package-private, so that only {@link #of}'s formula losses replace it (with one evaluation per
     * element); a subclass elsewhere cannot.
     */
    double element(float[] p, float[] t, int i, float[] g, double scale) {
        double prediction = p[i];
        double target = t[i];
        if (g != null) {
            g[i] = (float) (scale * derivative(prediction, target));
        }
        return value(prediction, target);
    }

    /** The spec that makes this loss: {@code mse(reduction=sum)}. */
    @Override
    public String toString() {
        return name + "(reduction=" + reduction.specName() + ")";
    }
}
