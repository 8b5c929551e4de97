package dev.descent.loss;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Dual;
import dev.descent.api.ElementwiseLoss;
import dev.descent.api.Reduction;

/**
 * The quantile (pinball) loss per element, with {@code e = t - p}:
 * <pre>
 *   loss = max(q e, (q - 1) e)  =  q e where p &lt;= t,  (1 - q)(-e) where p &gt; t
 * </pre>
 * an under-prediction costs {@code q} per unit and an over-prediction {@code 1 - q}, so the prediction
 * that minimises it is the {@code q}-quantile of the targets (the median for {@code q = 0.5}, where it is
 * half the L1 loss). Parameter {@code q} in (0, 1), default 0.5. Use it for quantile regression and
 * prediction intervals (train one output per quantile). PyTorch has no such loss; the definition is the
 * usual one (Koenker; TensorFlow Addons' {@code pinball_loss}). Predictions and targets have the same shape.
 *
 * <p>Written once as a {@link Dual} formula through {@link ElementwiseLoss#of}. Gradient {@code -q} where
 * {@code p < t} and {@code 1 - q} where {@code p > t}; at {@code p = t} both terms are 0 and the derivative
 * is their mean, {@code 0.5 - q}, as PyTorch's {@code maximum} gives at a tie. A NaN prediction gives a
 * NaN value; its gradient is then {@code 0.5 - q} ({@link Dual#max} treats NaN as a tie, where PyTorch's
 * {@code maximum} would pass both sides' gradients, {@code 1 - 2q}).
 */
public final class QuantileLoss extends WrappedElementwiseLoss {
    /** The canonical name, as written in specs. */
    public static final String NAME = "quantile";

    private final double q;

    /**
     * @param q the quantile, in (0, 1)
     * @throws IllegalArgumentException if {@code q} is not in (0, 1)
     */
    public QuantileLoss(double q, Reduction reduction) {
        super(ElementwiseLoss.of(NAME, requireNonNull(reduction, "reduction is null"), formula(requireQuantile(q))));
        this.q = q;
    }

    private static double requireQuantile(double q) {
        if (!(q > 0 && q < 1)) {
            throw new IllegalArgumentException(NAME + ": q is '" + q + "'; it must lie in (0, 1), e.g. 0.9 for the"
                    + " 90th percentile");
        }
        return q;
    }

    /** The median: q 0.5, the mean. */
    public QuantileLoss() {
        this(0.5, Reduction.MEAN);
    }

    /** {@code max(q (t - p), (q - 1)(t - p))}. */
    static ElementwiseLoss.Formula formula(double q) {
        return (p, t) -> {
            Dual e = p.negate().plus(t);
            return e.times(q).max(e.times(q - 1));
        };
    }

    /** The quantile this loss estimates. */
    public double q() {
        return q;
    }

    /** The spec that makes this loss: {@code quantile(q=0.9, reduction=mean)}. */
    @Override
    public String toString() {
        return NAME + "(q=" + q + ", reduction=" + reduction().specName() + ")";
    }
}
