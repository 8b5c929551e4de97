package dev.descent.testkit;

import dev.descent.api.Shapes;
import dev.descent.api.Tensor;
import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * Compares an analytic gradient with central finite differences ({@link FiniteDifferences}), tolerating
 * the few elements whose step straddles a kink. Generalises the approach of nn-core's layer gradient
 * tests: for a layer, {@code f = sum(forward(x) ⊙ R)} with a fixed random R.
 */
final class GradientCheck {
    /** The step each element is moved by, either way. */
    static final double STEP = FiniteDifferences.DEFAULT_STEP;

    /**
     * The relative error allowed on each element. A wrong gradient (a missing factor, a wrong sign, a
     * dropped term, a transposed index) is off by 10% or more.
     */
    static final double TOLERANCE = 1e-2;

    /**
     * The absolute error allowed on top, per unit of max(1, |f|). A central difference of a function
     * computed in float carries a rounding error of about ε|f| / step = 6e-8 |f| / 1e-3 = 6e-5 |f|, and a
     * truncation error of about step² |f'''| / 6 = 2e-7 |f'''|; 1e-4 |f| covers both. It is absolute
     * rather than relative to each gradient so that small gradients, such as those of a mean over many
     * elements, are still checked to 1%.
     */
    static final double NOISE = 1e-4;

    private GradientCheck() {}

    /**
     * The outcome of one comparison.
     *
     * @param error the largest error over the elements not excused as kinks, in units of the error allowed
     *     there ({@link #TOLERANCE} |numeric| + {@link #NOISE} max(1, |f|)); 1 or less passes
     * @param worst the flat index of that element, or -1 when every element was excused or there are none
     * @param analytic the analytic value there
     * @param numeric the finite difference there
     * @param kinks how many elements were excused because the function has a kink within the step
     */
    record Comparison(double error, int worst, float analytic, float numeric, int kinks) {
        boolean passed() {
            return error <= 1;
        }

        /**
         * What was measured: {@code error 3.2 times the allowed at [1, 2] (backward 0.25, finite differences
         * 0.5); allowed 1e-2 |finite difference| + 1e-4 max(1, |f|), step 1e-3}.
         */
        String describe(String analyticName, int[] shape) {
            StringBuilder text = new StringBuilder();
            if (worst < 0) {
                text.append("no element to compare");
            } else {
                text.append("error ").append(CheckRun.number(error)).append(" times the allowed at ")
                        .append(index(worst, shape)).append(" (").append(analyticName).append(' ')
                        .append(analytic).append(", finite differences ").append(numeric).append(')');
            }
            text.append("; allowed ").append(CheckRun.number(TOLERANCE)).append(" |finite difference| + ")
                    .append(CheckRun.number(NOISE)).append(" max(1, |f|), step ")
                    .append(CheckRun.number(STEP));
            if (kinks > 0) {
                text.append("; ").append(kinks).append(kinks == 1 ? " element lies" : " elements lie")
                        .append(" within a step of a kink, where the gradient was only checked to lie between"
                                + " the one-sided differences");
            }
            return text.toString();
        }
    }

    /**
     * Compares {@code analytic} with the central difference of {@code function} at {@code point}, which is
     * moved in place and restored. An element whose central difference disagrees is excused when the two
     * one-sided differences disagree with each other as well (a kink, such as that of |x| or max(0, x),
     * lies within the step) and the analytic value lies between them.
     */
    static Comparison compare(ToDoubleFunction<Tensor> function, Tensor point, Tensor analytic) {
        if (!Arrays.equals(point.shape(), analytic.shape())) {
            throw CheckRun.fail("the gradient has shape " + Shapes.toString(analytic.shape()) + " but the point has "
                    + Shapes.toString(point.shape()) + "; a gradient has the shape of what it is taken with respect to");
        }
        Tensor numeric = FiniteDifferences.gradient(function, point, STEP);
        float[] a = analytic.data();
        float[] n = numeric.data();
        double worstError = 0;
        int worst = -1;
        int kinks = 0;
        double noise = NOISE * Math.max(1.0, Math.abs(function.applyAsDouble(point)));
        for (int i = 0; i < a.length; i++) {
            double error = Math.abs((double) a[i] - n[i]) / (TOLERANCE * Math.abs(n[i]) + noise);
            if (!(error <= 1) && kinkExcuses(function, point, i, a[i])) {
                kinks++;
                continue;
            }
            if (worst < 0 || !(error <= worstError)) {
                worstError = Double.isNaN(error) ? Double.POSITIVE_INFINITY : error;
                worst = i;
            }
        }
        return worst < 0
                ? new Comparison(0, -1, Float.NaN, Float.NaN, kinks)
                : new Comparison(worstError, worst, a[worst], n[worst], kinks);
    }

    private static boolean kinkExcuses(ToDoubleFunction<Tensor> function, Tensor point, int i, float analytic) {
        float[] x = point.data();
        float original = x[i];
        float up = (float) (original + STEP);
        float down = (float) (original - STEP);
        double f0 = function.applyAsDouble(point);
        x[i] = up;
        double fUp = function.applyAsDouble(point);
        x[i] = down;
        double fDown = function.applyAsDouble(point);
        x[i] = original;
        double forward = (fUp - f0) / ((double) up - original);
        double backward = (f0 - fDown) / ((double) original - down);
        double scale = Math.max(1.0, Math.max(Math.abs(forward), Math.abs(backward)));
        if (!(Math.abs(forward - backward) > TOLERANCE * scale)) {
            return false;
        }
        double slack = TOLERANCE * scale;
        return analytic >= Math.min(forward, backward) - slack && analytic <= Math.max(forward, backward) + slack;
    }

    /** The full index of a flat index: {@code [1, 2]}. */
    static String index(int flat, int[] shape) {
        int[] index = new int[shape.length];
        int rest = flat;
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            if (shape[axis] > 0) {
                index[axis] = rest % shape[axis];
                rest /= shape[axis];
            }
        }
        return Arrays.toString(index);
    }

    /** {@code sum(output ⊙ weights)}, accumulated in double. */
    static double weightedSum(Tensor output, Tensor weights) {
        if (!Arrays.equals(output.shape(), weights.shape())) {
            throw CheckRun.fail("forward gave shape " + Shapes.toString(output.shape()) + " for an input it gave "
                    + Shapes.toString(weights.shape()) + " before; the output shape must depend on the input shape"
                    + " alone");
        }
        float[] y = output.data();
        float[] r = weights.data();
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            sum += (double) y[i] * r[i];
        }
        return sum;
    }
}
