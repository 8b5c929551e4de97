package dev.descent.loss.kernel;

/**
 * The scalar {@link LossKernels}, and the definition of each loss per element: the vectorised kernels
 * compute the same operations in the same order, and run their loop tails through {@link #sum}. The losses
 * use the element functions for their unreduced values and weighted forms (a weight {@code w} is
 * {@code w · f(p, t, i, g, scale · w)}, bit for bit the weighted formula).
 *
 * <p>Each element function returns the value of element {@code i} and, when {@code g} is not null, writes
 * {@code (float) (scale · derivative)} into {@code g[i]}.
 */
public final class ScalarLossKernels implements LossKernels {
    /** PyTorch's floor of each logarithm in {@code bce}. */
    public static final double BCE_LOG_FLOOR = -100;
    /** PyTorch's floor of {@code p (1 - p)} in {@code bce}'s gradient. */
    public static final double BCE_EPSILON = 1e-12;

    /**
     * One element's value, and its scaled derivative into {@code g[i]} unless {@code g} is null; {@code parameter}
     * is the loss's (delta, beta, pos_weight), so that the element functions are passed without capturing it:
     * the loops run on every call, and a capturing lambda would be allocated each time.
     */
    @FunctionalInterface
    interface Element {
        double at(float[] p, float[] t, int i, float[] g, double scale, double parameter);
    }

    static final Element MSE = (p, t, i, g, scale, unused) -> mse(p, t, i, g, scale);
    static final Element L1 = (p, t, i, g, scale, unused) -> l1(p, t, i, g, scale);
    static final Element HUBER = ScalarLossKernels::huber;
    static final Element SMOOTH_L1 = ScalarLossKernels::smoothL1;
    static final Element LOG_COSH = (p, t, i, g, scale, unused) -> logCosh(p, t, i, g, scale);
    static final Element BCE = (p, t, i, g, scale, unused) -> bce(p, t, i, g, scale);
    /** With the parameter pos_weight, 1 for none. */
    static final Element BCE_WITH_LOGITS = ScalarLossKernels::bceWithLogits;

    @Override
    public String toString() {
        return "scalar kernels";
    }

    @Override
    public double mse(float[] p, float[] t, float[] g, double scale) {
        return sum(p, t, g, scale, 0, MSE, 0);
    }

    @Override
    public double l1(float[] p, float[] t, float[] g, double scale) {
        return sum(p, t, g, scale, 0, L1, 0);
    }

    @Override
    public double huber(float[] p, float[] t, float[] g, double scale, double delta) {
        return sum(p, t, g, scale, 0, HUBER, delta);
    }

    @Override
    public double smoothL1(float[] p, float[] t, float[] g, double scale, double beta) {
        return sum(p, t, g, scale, 0, SMOOTH_L1, beta);
    }

    @Override
    public double logCosh(float[] p, float[] t, float[] g, double scale) {
        return sum(p, t, g, scale, 0, LOG_COSH, 0);
    }

    @Override
    public double bce(float[] p, float[] t, float[] g, double scale) {
        return sum(p, t, g, scale, 0, BCE, 0);
    }

    @Override
    public double bceWithLogits(float[] p, float[] t, float[] g, double scale) {
        return sum(p, t, g, scale, 0, BCE_WITH_LOGITS, 1);
    }

    @Override
    public boolean probabilities(float[] p, float[] t) {
        return probabilities(p, t, 0);
    }

    /** {@link #probabilities(float[], float[])} from element {@code from} on. */
    static boolean probabilities(float[] p, float[] t, int from) {
        for (int i = from; i < p.length; i++) {
            // A NaN prediction passes, to propagate; a NaN target fails.
            if (p[i] < 0 || p[i] > 1 || !(t[i] >= 0 && t[i] <= 1)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public double max(float[] x, int from, int count, int stride) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0, i = from; k < count; k++, i += stride) {
            // Math.max keeps a NaN, which must reach the value and the gradient.
            max = Math.max(max, x[i]);
        }
        return max;
    }

    @Override
    public double expSum(float[] x, int from, int count, int stride, double max, float[] g) {
        double sum = 0;
        for (int k = 0, i = from; k < count; k++, i += stride) {
            double e = Math.exp(x[i] - max);
            sum += e;
            if (g != null) {
                g[i] = (float) e;
            }
        }
        return sum;
    }

    @Override
    public void scale(float[] g, int from, int count, int stride, double factor, double scale) {
        for (int k = 0, i = from; k < count; k++, i += stride) {
            g[i] = (float) (scale * (factor * g[i]));
        }
    }

    /**
     * The sum of the values of elements {@code from} to the end. Four partial sums, element i going to partial
     * i mod 4 (counted from {@code from}), added as (s0 + s1) + (s2 + s3): one running sum is a chain of
     * dependent additions that holds the loop to the latency of an addition; four chains run side by side.
     */
    static double sum(float[] p, float[] t, float[] g, double scale, int from, Element element, double parameter) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = from;
        for (int end = p.length - 3; i < end; i += 4) {
            s0 += element.at(p, t, i, g, scale, parameter);
            s1 += element.at(p, t, i + 1, g, scale, parameter);
            s2 += element.at(p, t, i + 2, g, scale, parameter);
            s3 += element.at(p, t, i + 3, g, scale, parameter);
        }
        if (i < p.length) {
            s0 += element.at(p, t, i++, g, scale, parameter);
        }
        if (i < p.length) {
            s1 += element.at(p, t, i++, g, scale, parameter);
        }
        if (i < p.length) {
            s2 += element.at(p, t, i, g, scale, parameter);
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** {@code (p - t)²}, derivative {@code 2 (p - t)}. */
    public static double mse(float[] p, float[] t, int i, float[] g, double scale) {
        double x = (double) p[i] - t[i];
        if (g != null) {
            g[i] = (float) (scale * (2 * x));
        }
        return x * x;
    }

    /**
     * {@code |p - t|}, derivative PyTorch's {@code sign}: 0 at 0 and at NaN. Written as comparisons that
     * compile to conditional moves: JDK 17 compiles {@code Math.signum} into branches on the error's sign,
     * which mispredict on mixed errors.
     */
    public static double l1(float[] p, float[] t, int i, float[] g, double scale) {
        double x = (double) p[i] - t[i];
        if (g != null) {
            g[i] = (float) (x > 0 ? scale : x < 0 ? -scale : 0);
        }
        return Math.abs(x);
    }

    /**
     * Huber: with {@code m = min(|x|, delta)}, {@code m (|x| - 0.5 m)} is {@code 0.5 x²} inside and
     * {@code delta (|x| - 0.5 delta)} outside, bit for bit ({@code |x| - 0.5 |x|} is exact), without a branch
     * that would mispredict on mixed errors; the derivative is {@code x} clamped to {@code [-delta, delta]}.
     * NaN stays NaN through {@code min} and {@code max}.
     */
    public static double huber(float[] p, float[] t, int i, float[] g, double scale, double delta) {
        double x = (double) p[i] - t[i];
        if (g != null) {
            g[i] = (float) (scale * Math.max(-delta, Math.min(x, delta)));
        }
        double z = Math.abs(x);
        double m = Math.min(z, delta);
        return m * (z - 0.5 * m);
    }

    /**
     * Smooth L1: {@code 0.5 x² / beta} where {@code |x| < beta} (never for {@code beta = 0}, so no 0 / 0),
     * {@code |x| - 0.5 beta} elsewhere. Derivative by PyTorch 1.13's comparisons: {@code -1} where
     * {@code x <= -beta} (first, so zero error at {@code beta = 0} gives -1), {@code 1} where
     * {@code x >= beta}, {@code x / beta} between; NaN fails both and gives NaN.
     */
    public static double smoothL1(float[] p, float[] t, int i, float[] g, double scale, double beta) {
        double x = (double) p[i] - t[i];
        if (g != null) {
            g[i] = (float) (scale * (x <= -beta ? -1 : x >= beta ? 1 : x / beta));
        }
        double z = Math.abs(x);
        return z < beta ? 0.5 * z * z / beta : z - 0.5 * beta;
    }

    /**
     * {@code log cosh x = |x| + log1p(expm1(-2|x|) / 2)}, finite for any finite {@code x} ({@code cosh}
     * overflows beyond 710) and accurate near 0, where it is {@code x² / 2}. The derivative {@code tanh x}
     * from the same {@code em = expm1(-2|x|)}: {@code tanh |x| = -em / (2 + em)}, negated for {@code x < 0}.
     */
    public static double logCosh(float[] p, float[] t, int i, float[] g, double scale) {
        double x = (double) p[i] - t[i];
        double a = Math.abs(x);
        double em = Math.expm1(-2 * a);
        if (g != null) {
            double tanh = -em / (2 + em);
            g[i] = (float) (scale * (x < 0 ? -tanh : tanh));
        }
        return a + Math.log1p(0.5 * em);
    }

    /**
     * Binary cross-entropy of a probability, {@code -(t max(log p, -100) + (1 - t) max(log(1 - p), -100))},
     * {@code log(1 - p)} as {@code log1p(-p)}; PyTorch's gradient {@code (p - t) / max(p (1 - p), 1e-12)},
     * which ignores the floors. {@code max} keeps a NaN prediction's NaN.
     */
    public static double bce(float[] p, float[] t, int i, float[] g, double scale) {
        double prediction = p[i];
        double target = t[i];
        if (g != null) {
            double curvature = Math.max((1 - prediction) * prediction, BCE_EPSILON);
            g[i] = (float) (scale * (prediction - target) / curvature);
        }
        double logP = Math.max(Math.log(prediction), BCE_LOG_FLOOR);
        double logOneMinusP = Math.max(Math.log1p(-prediction), BCE_LOG_FLOOR);
        return -(target * logP + (1 - target) * logOneMinusP);
    }

    /**
     * Binary cross-entropy of a logit {@code x}: {@code (1 - t) softplus(x) + pw t softplus(-x)}, the stable
     * logits form without its cancellation, with one {@code e = exp(-|x|)} for both softplus terms and the
     * sigmoid, so that no exponential of a large number is taken. Gradient PyTorch's
     * {@code (pw t + 1 - t) sigmoid(x) - pw t}.
     */
    public static double bceWithLogits(float[] x, float[] t, int i, float[] g, double scale, double posWeight) {
        double logit = x[i];
        double target = t[i];
        double e = Math.exp(-Math.abs(logit));
        if (g != null) {
            double weightedTarget = posWeight * target;
            double sigmoid = logit >= 0 ? 1 / (1 + e) : e / (1 + e);
            g[i] = (float) (scale * ((weightedTarget + 1 - target) * sigmoid - weightedTarget));
        }
        double log1pE = Math.log1p(e);
        return (1 - target) * (Math.max(logit, 0) + log1pE) + posWeight * target * (Math.max(-logit, 0) + log1pE);
    }
}
