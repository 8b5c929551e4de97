package dev.descent.loss;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Dual;
import dev.descent.api.ElementwiseLoss;
import dev.descent.api.Reduction;

/**
 * The log-cosh loss {@code log(cosh(p - t))} per element: about {@code x² / 2} for small errors
 * {@code x = p - t} and {@code |x| - log 2} for large ones, like the Huber loss but smooth everywhere (its
 * gradient is {@code tanh(x)}). PyTorch has no such loss; this is Keras' {@code log_cosh}, reduced by
 * {@code reduction}. No parameter besides the reduction. Predictions and targets have the same shape. Use
 * it for regression that should be robust to outliers without a threshold to tune.
 *
 * <p>Written once as a {@link Dual} formula through {@link ElementwiseLoss#of}, which derives the gradient
 * from it. {@code cosh} overflows for {@code |x| > 710}, so the formula is the stable
 * <pre>
 *   log cosh x = |x| + log((1 + exp(-2|x|)) / 2) = |x| + log1p(expm1(-2|x|) / 2)
 * </pre>
 * finite for any finite {@code x}; {@code expm1} keeps the small-error value {@code x²/2} accurate where
 * {@code |x| + log1p(exp(-2|x|)) - log 2} would lose it to cancellation. Its derivative is
 * {@code sign(x) tanh(|x|) = tanh(x)}, 0 at zero error. A NaN prediction gives a NaN value and gradient.
 */
public final class LogCoshLoss extends WrappedElementwiseLoss {
    /** The canonical name, as written in specs. */
    public static final String NAME = "log_cosh";

    /** {@code log(cosh(p - t))}, stably; see the class comment. */
    static final ElementwiseLoss.Formula FORMULA = (p, t) -> {
        Dual a = p.minus(t).abs();
        return a.plus(a.times(-2).expm1().div(2).log1p());
    };

    /** The log-cosh loss reduced by {@code reduction}. */
    public LogCoshLoss(Reduction reduction) {
        super(ElementwiseLoss.of(NAME, requireNonNull(reduction, "reduction is null"), FORMULA));
    }

    /** The mean log-cosh loss. */
    public LogCoshLoss() {
        this(Reduction.MEAN);
    }
}
