package dev.descent.loss;

import dev.descent.api.ElementwiseLoss;
import dev.descent.api.Reduction;

/**
 * Mean absolute percentage error, Keras' {@code mean_absolute_percentage_error}: per element
 * <pre>
 *   loss = 100 |t - p| / max(|t|, eps),   eps = 1e-7 (Keras' epsilon)
 * </pre>
 * reduced by {@code reduction}: the error in percent of the target, so the mean is a percentage
 * (12.5 means 12.5% off on average). No parameter besides the reduction. Predictions and targets have the
 * same shape. Use it to report or fit relative error when targets are well away from zero; a target of 0
 * divides by {@code eps} and gives a huge value (Keras' behaviour, kept), and an over-prediction can cost
 * more than 100% while an under-prediction of a positive target cannot. PyTorch has no such loss.
 *
 * <p>Gradient {@code 100 sign(p - t) / max(|t|, eps)}, 0 where {@code p = t} (the derivative of
 * {@code |x|} at 0 chosen as PyTorch's and TensorFlow's). A NaN prediction gives a NaN value and gradient.
 */
public final class MapeLoss extends ElementwiseLoss {
    /** The canonical name, as written in specs. */
    public static final String NAME = "mape";

    /** Keras' {@code backend.epsilon()}, the floor of {@code |t|}. */
    static final double EPS = 1e-7;

    /** The absolute percentage error reduced by {@code reduction}. */
    public MapeLoss(Reduction reduction) {
        super(NAME, reduction);
    }

    /** The mean absolute percentage error. */
    public MapeLoss() {
        this(Reduction.MEAN);
    }

    @Override
    protected double value(double prediction, double target) {
        return 100 * Math.abs(target - prediction) / Math.max(Math.abs(target), EPS);
    }

    @Override
    protected double derivative(double prediction, double target) {
        // signum is 0 at 0 and NaN at NaN.
        return 100 * Math.signum(prediction - target) / Math.max(Math.abs(target), EPS);
    }
}
