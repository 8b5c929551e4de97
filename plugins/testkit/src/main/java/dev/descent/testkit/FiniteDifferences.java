package dev.descent.testkit;

import dev.descent.api.Tensor;
import java.util.function.ToDoubleFunction;

/**
 * Numeric gradients by central differences, the independent reference an analytic gradient is checked
 * against. Each element of the point is moved by {@code ±step}; the difference is divided by the step
 * actually taken in {@code float}, so rounding of the perturbed input does not bias the estimate.
 */
public final class FiniteDifferences {
    /** A step that balances truncation error against float rounding for values of order 1. */
    public static final double DEFAULT_STEP = 1e-3;

    private FiniteDifferences() {}

    /**
     * d f / d x at {@code point}, element by element. {@code function} is called 2 × size times with
     * {@code point} perturbed in place; the point is restored afterwards.
     */
    public static Tensor gradient(ToDoubleFunction<Tensor> function, Tensor point, double step) {
        float[] x = point.data();
        Tensor gradient = Tensor.zerosLike(point);
        float[] g = gradient.data();
        for (int i = 0; i < x.length; i++) {
            float original = x[i];
            float up = (float) (original + step);
            float down = (float) (original - step);
            x[i] = up;
            double fUp = function.applyAsDouble(point);
            x[i] = down;
            double fDown = function.applyAsDouble(point);
            x[i] = original;
            g[i] = (float) ((fUp - fDown) / ((double) up - (double) down));
        }
        return gradient;
    }

    /** {@link #gradient(ToDoubleFunction, Tensor, double)} with {@link #DEFAULT_STEP}. */
    public static Tensor gradient(ToDoubleFunction<Tensor> function, Tensor point) {
        return gradient(function, point, DEFAULT_STEP);
    }

    /**
     * The largest difference between two tensors of one shape, each element's difference scaled by
     * {@code max(1, |expected|)}: an absolute error for small values, a relative one for large.
     */
    public static double maxScaledError(Tensor actual, Tensor expected) {
        if (!actual.hasShape(expected.shape())) {
            throw new IllegalArgumentException("shapes differ: " + actual + " vs " + expected);
        }
        float[] a = actual.data();
        float[] e = expected.data();
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            double error = Math.abs((double) a[i] - e[i]) / Math.max(1.0, Math.abs(e[i]));
            if (!(error <= worst)) {
                worst = Double.isNaN(error) ? Double.POSITIVE_INFINITY : error;
            }
        }
        return worst;
    }
}
