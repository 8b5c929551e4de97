package dev.descent.optim.transform;

import static java.util.Objects.requireNonNull;

import dev.descent.api.GradientTransform;
import dev.descent.api.Parameter;
import dev.descent.optim.Checks;
import java.util.List;

/**
 * Scales all gradients together so that their global norm is at most {@code max_norm}: PyTorch 1.13's
 * {@code torch.nn.utils.clip_grad_norm_}. The norm of order {@code norm_type} (any p > 0, or infinity) is taken
 * of each parameter's gradient, then of those norms, as if all gradients were one vector; then
 *
 * <pre>
 * clip_coef = min(max_norm / (total_norm + 1e-6), 1)
 * g = g * clip_coef                                    (every element of every gradient)
 * </pre>
 *
 * <p>The arithmetic is float, in PyTorch's order, so the result is PyTorch's bit for bit on the machines the
 * fixtures were made on: {@code max_norm / t} is {@code (1 / t) * max_norm}, as PyTorch's {@code __rdiv__}
 * computes it; the 2-norm sums the squares as PyTorch's AVX2 kernel does (see {@link #norm}). Where it can differ
 * in the last bit: the 2-norm on a CPU where PyTorch picks its AVX-512 or its plain kernel, or on gradients large
 * enough (above 32768 elements) for PyTorch to split the sum between threads; norms of other orders than 1, 2
 * and infinity, where glibc's {@code powf} may round otherwise than Java's {@code Math.pow}.
 */
public final class ClipGradNorm implements GradientTransform {
    static final String NAME = "clip_grad_norm";

    /** PyTorch's AVX2 kernel sums the squares of blocks of 8 floats in 8 lanes. */
    private static final int LANES = 8;
    /** What the compiler vectorised of the kernel's scalar tail: its first 4 products. */
    private static final int TAIL_BLOCK = 4;

    private final double maxNorm;
    private final double normType;
    private final boolean errorIfNonfinite;
    private float lastTotalNorm = Float.NaN;

    /**
     * @param maxNorm the largest global norm let through, {@code >= 0}
     * @param normType the order p of the norm, {@code > 0}; {@link Double#POSITIVE_INFINITY} for the largest
     *     absolute value
     * @param errorIfNonfinite throw when the total norm is NaN or infinite, rather than scale by it
     */
    public ClipGradNorm(double maxNorm, double normType, boolean errorIfNonfinite) {
        this.maxNorm = Checks.atLeast(NAME, "max_norm", maxNorm, 0);
        if (!(normType > 0)) {
            throw new IllegalArgumentException(NAME + ": norm_type must be > 0 (or inf), got '"
                    + Checks.format(normType) + "'");
        }
        this.normType = normType;
        this.errorIfNonfinite = errorIfNonfinite;
    }

    /** Clipping to {@code maxNorm} in the 2-norm, PyTorch's default. */
    public ClipGradNorm(double maxNorm) {
        this(maxNorm, 2, false);
    }

    /**
     * @throws IllegalStateException when {@code error_if_nonfinite} is set and the total norm is NaN or infinite
     */
    @Override
    public boolean beforeStep(List<Parameter> parameters) {
        float total = totalNorm(parameters, normType);
        lastTotalNorm = total;
        if (errorIfNonfinite && !Float.isFinite(total)) {
            throw new IllegalStateException(NAME + ": the total norm of order " + Checks.format(normType)
                    + " of the gradients is " + total + ", so it cannot be clipped; to scale the gradients by the"
                    + " non-finite norm anyway, set error_if_nonfinite=false");
        }
        // PyTorch multiplies even by a coefficient of 1 (to spare a device sync); so do we, it changes nothing.
        float coefficient = Math.min((1f / (total + 1e-6f)) * (float) maxNorm, 1f);
        for (Parameter parameter : parameters) {
            float[] g = parameter.gradient().data();
            for (int i = 0; i < g.length; i++) {
                g[i] *= coefficient;
            }
        }
        return true;
    }

    /**
     * The total norm of the gradients before clipping at the last step, as {@code clip_grad_norm_} returns it (to
     * log); NaN before the first step.
     */
    public float lastTotalNorm() {
        return lastTotalNorm;
    }

    /**
     * The norm of order {@code normType} of all gradients of {@code parameters} together, as
     * {@code clip_grad_norm_} returns it: the norm of each gradient, then the norm of those; 0 for no parameters.
     */
    public static float totalNorm(List<Parameter> parameters, double normType) {
        requireNonNull(parameters, "parameters is null");
        if (parameters.isEmpty()) {
            return 0f;
        }
        float[] norms = new float[parameters.size()];
        for (int p = 0; p < norms.length; p++) {
            norms[p] = norm(parameters.get(p).gradient().data(), normType);
        }
        return norm(norms, normType);
    }

    /**
     * The p-norm of {@code x} in float, in the order of PyTorch 1.13's CPU kernel ({@code torch.norm}): the
     * largest absolute value for infinity; for 1 the absolute values summed in order; for 2 the squares summed in
     * 8 lanes of fused multiply-adds over blocks of 8, the lanes added in order, then the first 4 of the remaining
     * squares rounded and added, the last with fused multiply-adds, and the square root; for other p each
     * {@code |x|^p} rounded and summed in order, and the sum raised to {@code 1/p} (in float).
     */
    static float norm(float[] x, double normType) {
        if (normType == Double.POSITIVE_INFINITY) {
            float max = 0f;
            for (float value : x) {
                if (Float.isNaN(value)) {
                    return value; // PyTorch's max propagates NaN
                }
                max = Math.max(max, Math.abs(value));
            }
            return max;
        }
        if (normType == 1) {
            float sum = 0f;
            for (float value : x) {
                sum += Math.abs(value);
            }
            return sum;
        }
        if (normType == 2) {
            return (float) Math.sqrt(sumOfSquares(x));
        }
        float p = (float) normType;
        float sum = 0f;
        for (float value : x) {
            sum += (float) Math.pow(Math.abs(value), p);
        }
        return (float) Math.pow(sum, 1f / p);
    }

    private static float sumOfSquares(float[] x) {
        float[] lanes = new float[LANES];
        int d = 0;
        for (; d + LANES <= x.length; d += LANES) {
            for (int j = 0; j < LANES; j++) {
                lanes[j] = Math.fma(x[d + j], x[d + j], lanes[j]);
            }
        }
        float sum = lanes[0];
        for (int j = 1; j < LANES; j++) {
            sum += lanes[j];
        }
        if (x.length - d >= TAIL_BLOCK) {
            for (int j = 0; j < TAIL_BLOCK; j++, d++) {
                sum += x[d] * x[d];
            }
        }
        for (; d < x.length; d++) {
            sum = Math.fma(x[d], x[d], sum);
        }
        return sum;
    }

    @Override
    public String toString() {
        return NAME + "(max_norm=" + Checks.format(maxNorm) + ", norm_type=" + Checks.format(normType)
                + ", error_if_nonfinite=" + errorIfNonfinite + ")";
    }
}
