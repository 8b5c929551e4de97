package org.acme.descent.guavanew;

import static java.util.Objects.requireNonNull;

import com.google.common.math.Quantiles;
import dev.descent.api.Loss;
import dev.descent.api.Shapes;
import dev.descent.api.Tensor;
import java.util.Arrays;
import java.util.Comparator;

/**
 * A percentile of the absolute error, {@code percentile_q(|p - t|)} over all elements: with q = 90, the
 * error that 90% of the elements stay within, a tail measure common in forecasting; q = 50 is the median
 * absolute error and q = 100 the largest error. It is computed with Guava's
 * {@link Quantiles#percentiles()}, which interpolates linearly between order statistics: with the n
 * errors sorted as e(0) &lt;= ... &lt;= e(n-1), {@code q (n - 1) / 100 = j + f} (j whole, 0 &lt;= f &lt; 1) gives
 * {@code e(j) + f (e(j+1) - e(j))}.
 *
 * <p>The percentile is itself the reduction, so this loss has no {@code reduction} parameter:
 * {@link #compute} always gives the percentile and {@link #unreduced} the absolute errors it is taken
 * over. The gradient follows the interpolation: {@code (1 - f) sign(p - t)} on the element of rank j,
 * {@code f sign(p - t)} on that of rank j + 1, 0 elsewhere; between equal absolute errors the one at the
 * lower index counts as the smaller. An empty tensor gives NaN; NaN in an input gives NaN and a NaN
 * gradient.
 */
public final class PercentileAbsLoss implements Loss {
    /** The canonical name, as written in specs. */
    public static final String NAME = "percentile_abs";

    private final int percentile;

    /**
     * @param percentile q, in [0, 100]
     * @throws IllegalArgumentException for a percentile outside [0, 100]
     */
    public PercentileAbsLoss(int percentile) {
        if (percentile < 0 || percentile > 100) {
            throw new IllegalArgumentException(NAME + ": percentile must be in [0, 100], got '" + percentile + "'");
        }
        this.percentile = percentile;
    }

    @Override
    public String name() {
        return NAME;
    }

    public int percentile() {
        return percentile;
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
        // compute copies the array, so errors stay in element order for the gradient.
        double value = Quantiles.percentiles().index(percentile).compute(errors);
        if (gradient != null) {
            float[] g = gradient.data();
            if (Double.isNaN(value)) {
                Arrays.fill(g, Float.NaN);
                return value;
            }
            Arrays.fill(g, 0f);
            Integer[] order = byAbsoluteError(errors);
            float[] p = predictions.data();
            float[] t = targets.data();
            // The same split of q (n - 1) / 100 into rank and fraction as Guava's interpolation.
            long position = (long) percentile * (n - 1);
            int rank = (int) (position / 100);
            double fraction = (position % 100) / 100.0;
            int lower = order[rank];
            g[lower] = (float) ((1 - fraction) * sign(p[lower], t[lower]));
            if (fraction > 0) {
                int upper = order[rank + 1];
                g[upper] = (float) (fraction * sign(p[upper], t[upper]));
            }
        }
        return value;
    }

    private static float sign(float prediction, float target) {
        return Math.signum(prediction - target);
    }

    /** Indices sorted by absolute error, ties by index, so the pick of an element of a rank is deterministic. */
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

    /** The absolute errors {@code |p - t|} the percentile is taken over. */
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

    /** The spec that makes this loss: {@code percentile_abs(percentile=90)}. */
    @Override
    public String toString() {
        return NAME + "(percentile=" + percentile + ")";
    }
}
