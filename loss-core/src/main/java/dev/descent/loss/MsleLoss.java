package dev.descent.loss;

import dev.descent.api.ElementwiseLoss;
import dev.descent.api.Reduction;

/**
 * Mean squared logarithmic error, Keras' {@code mean_squared_logarithmic_error}: per element
 * <pre>
 *   loss = (log(max(p, eps) + 1) - log(max(t, eps) + 1))²,   eps = 1e-7 (Keras' epsilon)
 * </pre>
 * reduced by {@code reduction}. It compares orders of magnitude: a prediction of 110 for 100 costs as much
 * as 11 for 10, and under-predicting costs more than over-predicting by as much. Use it for positive targets
 * spanning several orders of magnitude (counts, prices, sales). No parameter besides the reduction.
 * Predictions and targets have the same shape. PyTorch has no such loss; Keras' clamp at {@code eps} keeps
 * the logarithm finite for negative inputs (which all cost as much as 0).
 *
 * <p>Gradient {@code 2 (log1p(p) - log1p(max(t, eps))) / (1 + p)} where {@code p >= eps} and 0 below,
 * where the clamp holds the prediction (at {@code p = eps} the gradient passes, as Keras' {@code maximum}
 * and PyTorch's {@code clamp} do). A NaN prediction gives a NaN value and gradient.
 */
public final class MsleLoss extends ElementwiseLoss {
    /** The canonical name, as written in specs. */
    public static final String NAME = "msle";

    /** Keras' {@code backend.epsilon()}, the floor of predictions and targets. */
    static final double EPS = 1e-7;

    /** The squared logarithmic error reduced by {@code reduction}. */
    public MsleLoss(Reduction reduction) {
        super(NAME, reduction);
    }

    /** The mean squared logarithmic error. */
    public MsleLoss() {
        this(Reduction.MEAN);
    }

    @Override
    protected double value(double prediction, double target) {
        // Math.max keeps NaN; log1p(x) is log(x + 1), accurate for small x.
        double error = Math.log1p(Math.max(prediction, EPS)) - Math.log1p(Math.max(target, EPS));
        return error * error;
    }

    @Override
    protected double derivative(double prediction, double target) {
        if (prediction < EPS) {
            return 0;
        }
        double error = Math.log1p(prediction) - Math.log1p(Math.max(target, EPS));
        return 2 * error / (1 + prediction);
    }
}
