package org.acme.descent.guavaold;

import static java.util.Objects.requireNonNull;

import com.google.common.math.Quantiles;
import dev.descent.api.Loss;
import dev.descent.api.Shapes;
import dev.descent.api.Tensor;
import java.util.Arrays;
import java.util.Comparator;

/**
 * The median absolute error, {@code median(|p - t|)} over all elements (scikit-learn's
 * {@code median_absolute_error}): a measure of the typical error that a minority of outliers cannot move.
 * The median is computed with Guava's {@link Quantiles#median()}: the middle value for an odd count, the
 * mean of the two middle ones for an even count.
 *
 * <p>The median is itself the reduction, so this loss has no {@code reduction} parameter: {@link #compute}
 * always gives the median, and {@link #unreduced} the absolute errors {@code |p - t|} it is taken over.
 * The gradient is the subgradient of that median: {@code sign(p - t)} on the middle element (half of it on
 * each of the two middle elements for an even count) and 0 elsewhere; between equal absolute errors the
 * one at the lower index counts as the smaller. An empty tensor gives NaN, as a mean would; NaN in an input
 * gives NaN and a NaN gradient.
 */
public final class MedianAbsLoss implements Loss {
    /** The canonical name, as written in specs. */
    public static final String NAME = "median_abs";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double compute(Tensor predictions, Tensor targets, Tensor gradient) {
        check(predictions, targets);
        Shapes.requireGradientShape(NAME, predictions, gradient);
        double[] errors = errors(predictions, targets);
        int n = errors.length;
        if (n == 0) {
            return Double.NaN;
        }
        double median = Quantiles.median().compute(errors);
        if (gradient != null) {
            float[] g = gradient.data();
            if (Double.isNaN(median)) {
                Arrays.fill(g, Float.NaN);
                return median;
            }
            Arrays.fill(g, 0f);
            Integer[] order = byAbsoluteError(errors);
            float[] p = predictions.data();
            float[] t = targets.data();
            // Guava takes the middle element, or the mean of the two middle ones: the same weights here.
            if (n % 2 == 1) {
                int middle = order[n / 2];
                g[middle] = sign(p[middle], t[middle]);
            } else {
                int lower = order[n / 2 - 1];
                int upper = order[n / 2];
                g[lower] = 0.5f * sign(p[lower], t[lower]);
                g[upper] = 0.5f * sign(p[upper], t[upper]);
            }
        }
        return median;
    }

    private static float sign(float prediction, float target) {
        return Math.signum(prediction - target);
    }

    /** Indices sorted by absolute error, ties by index, so the pick of a middle element is deterministic. */
    private static Integer[] byAbsoluteError(double[] errors) {
        Integer[] order = new Integer[errors.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> errors[i]).thenComparingInt(i -> i));
        return order;
    }

    private static double[] errors(Tensor predictions, Tensor targets) {
        float[] p = predictions.data();
        float[] t = targets.data();
        double[] errors = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            errors[i] = Math.abs((double) p[i] - t[i]);
        }
        return errors;
    }

    /** The absolute errors {@code |p - t|} the median is taken over. */
    @Override
    public Tensor unreduced(Tensor predictions, Tensor targets) {
        check(predictions, targets);
        Tensor values = Tensor.zerosLike(predictions);
        float[] p = predictions.data();
        float[] t = targets.data();
        float[] v = values.data();
        for (int i = 0; i < p.length; i++) {
            v[i] = (float) Math.abs((double) p[i] - t[i]);
        }
        return values;
    }

    private static void check(Tensor predictions, Tensor targets) {
        requireNonNull(predictions, "predictions is null");
        requireNonNull(targets, "targets is null");
        Shapes.requireSameShape(NAME, predictions, targets);
    }

    @Override
    public String toString() {
        return NAME;
    }
}
