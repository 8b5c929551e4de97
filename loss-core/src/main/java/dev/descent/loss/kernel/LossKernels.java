package dev.descent.loss.kernel;

/**
 * The loops of the hot element-wise losses, each the fused "sum of the values, write the gradient" pass
 * over {@code float[]} predictions {@code p} and targets {@code t} of one length. Two implementations: a
 * scalar one ({@link ScalarLossKernels}, the definition) and one on the Vector API
 * ({@code VectorLossKernels}), which {@link #get()} chooses when the JVM has {@code jdk.incubator.vector}.
 *
 * <p>Every method returns the sum, in {@code double}, of the element's values, and when {@code g} is not
 * null writes {@code (float) (scale · d value / d p)} into {@code g[i]} (overwritten, not accumulated).
 * Each element is computed in {@code double} from the widened floats, so the gradients are the scalar
 * ones; the sum is added in another order (one partial sum per lane), so it may differ in its last bits.
 * NaN propagates as in the scalar definition.
 *
 * <p>The row kernels of {@code cross_entropy} ({@link #max}, {@link #expSum}, {@link #scale}) work on the
 * {@code count} elements {@code x[from + k · stride]}; only contiguous rows ({@code stride} 1) are vectorised.
 */
public interface LossKernels {
    /** The implementation chosen for this JVM, once, on first use (see {@link LossKernelsLoader}). */
    static LossKernels get() {
        return LossKernelsLoader.CHOSEN;
    }

    /** {@code (p - t)²}, gradient {@code 2 (p - t)}. */
    double mse(float[] p, float[] t, float[] g, double scale);

    /** {@code |p - t|}, gradient {@code sign(p - t)}: 0 at 0 and at NaN, as PyTorch's {@code sign}. */
    double l1(float[] p, float[] t, float[] g, double scale);

    /** Huber with {@code delta > 0}: {@code 0.5 x²} inside, {@code delta (|x| - 0.5 delta)} outside. */
    double huber(float[] p, float[] t, float[] g, double scale, double delta);

    /** Smooth L1 with {@code beta >= 0}: {@code 0.5 x² / beta} inside, {@code |x| - 0.5 beta} outside. */
    double smoothL1(float[] p, float[] t, float[] g, double scale, double beta);

    /** {@code log(cosh(p - t))}, gradient {@code tanh(p - t)}. */
    double logCosh(float[] p, float[] t, float[] g, double scale);

    /** Binary cross-entropy of probabilities, without weights; logarithms floored at -100. */
    double bce(float[] p, float[] t, float[] g, double scale);

    /** Binary cross-entropy of logits {@code p}, without weights. */
    double bceWithLogits(float[] p, float[] t, float[] g, double scale);

    /**
     * Whether {@code bce} accepts these inputs: every prediction in [0, 1] or NaN (which propagates), every
     * target in [0, 1]. Checked on every call, it cost bce as much as a third of its time as a scalar loop.
     */
    boolean probabilities(float[] p, float[] t);

    /** The largest of the row's elements, as {@code Math.max} folds them: NaN if one is NaN. */
    double max(float[] x, int from, int count, int stride);

    /** The sum of {@code exp(x - max)} over the row; each {@code (float) exp(x - max)} into {@code g} unless null. */
    double expSum(float[] x, int from, int count, int stride, double max, float[] g);

    /** {@code g = (float) (scale · (factor · g))} over the row: the softmax from {@link #expSum}'s terms. */
    void scale(float[] g, int from, int count, int stride, double factor, double scale);
}
