package dev.descent.loss;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Loss;
import dev.descent.api.Reduction;
import dev.descent.api.Shapes;
import dev.descent.api.Tensor;
import java.util.Arrays;

/**
 * The negative log-likelihood of a Gaussian whose mean and variance are both predicted, PyTorch's
 * {@code GaussianNLLLoss}: per element, for a mean {@code m}, a variance {@code var >= 0} and a target
 * {@code t},
 * <pre>
 *   loss = 0.5 (log v + (m - t)² / v),   v = max(var, eps)
 *   full = true adds the constant 0.5 log(2π)
 * </pre>
 * reduced by {@code reduction} over the targets. Parameters {@code full} (default false) and {@code eps}
 * (default 1e-6, the floor of the variance, for stability). Use it for regression that also predicts its own
 * uncertainty (heteroscedastic regression): the model learns a larger variance where it errs more.
 *
 * <p>Shapes: a loss of two inputs takes them stacked on axis 1, so predictions are {@code [N, 2, d1, ...]},
 * the means at index 0 and the variances at index 1 of axis 1, and targets are {@code [N, d1, ...]}
 * ({@code [N, 2]} with {@code [N]} for one output per sample); {@link #unreduced} has the targets' shape and
 * the gradient the predictions', holding d loss / d mean and d loss / d variance. PyTorch takes the
 * variance as a third argument and also accepts one variance per sample (homoscedastic); here give each
 * element its variance. A negative variance is refused, naming its index and value, as PyTorch refuses it.
 *
 * <p>Gradient {@code (m - t) / v} for the mean and {@code 0.5 (1 / v - (m - t)² / v²)} for the variance,
 * at the clamped {@code v}. Where {@code var < eps} that is what PyTorch 1.13 gives too: it clamps a clone of
 * the variance in place under {@code no_grad}, so autograd sees the clamped value but not the clamp, and the
 * gradient flows to the variance as if unclamped (it is not 0 there). A NaN prediction gives a NaN value.
 */
public final class GaussianNllLoss implements Loss {
    /** The canonical name, as written in specs. */
    public static final String NAME = "gaussian_nll";

    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private final boolean full;
    private final double eps;
    private final Reduction reduction;

    /**
     * @param full whether to add the constant {@code 0.5 log(2π)}
     * @param eps the floor of the variance, at least 0
     * @throws IllegalArgumentException if {@code eps} is negative or NaN
     */
    public GaussianNllLoss(boolean full, double eps, Reduction reduction) {
        this.reduction = requireNonNull(reduction, "reduction is null");
        if (!(eps >= 0)) {
            throw new IllegalArgumentException(NAME + ": eps is '" + eps + "'; it must be at least 0");
        }
        this.full = full;
        this.eps = eps;
    }

    /** PyTorch's defaults: no constant, eps 1e-6, the mean. */
    public GaussianNllLoss() {
        this(false, 1e-6, Reduction.MEAN);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Reduction reduction() {
        return reduction;
    }

    @Override
    public double compute(Tensor predictions, Tensor targets, Tensor gradient) {
        int inner = check(predictions, targets);
        Shapes.requireGradientShape(NAME, predictions, gradient);
        float[] x = predictions.data();
        float[] t = targets.data();
        float[] g = gradient == null ? null : gradient.data();
        int n = t.length;
        // Only the mean scales; none is the sum, as PyTorch's backward with a gradient of ones.
        double scale = reduction == Reduction.MEAN ? 1.0 / n : 1.0;
        double constant = full ? HALF_LOG_TWO_PI : 0;
        double sum = 0;
        // Sample by sample: its means, then its variances, inner elements each.
        for (int k = 0, start = 0; k < n; start += 2 * inner) {
            for (int j = 0; j < inner; j++, k++) {
                int mean = start + j;
                int variance = mean + inner;
                double v = Math.max(x[variance], eps);
                double error = x[mean] - t[k];
                double ratio = error / v;
                sum += 0.5 * (Math.log(v) + error * ratio) + constant;
                if (g != null) {
                    g[mean] = (float) (scale * ratio);
                    g[variance] = (float) (scale * 0.5 * (1 / v - ratio * ratio));
                }
            }
        }
        return reduction == Reduction.MEAN ? sum / n : sum;
    }

    @Override
    public Tensor unreduced(Tensor predictions, Tensor targets) {
        int inner = check(predictions, targets);
        Tensor values = Tensor.zerosLike(targets);
        float[] x = predictions.data();
        float[] t = targets.data();
        float[] out = values.data();
        double constant = full ? HALF_LOG_TWO_PI : 0;
        for (int k = 0, start = 0; k < t.length; start += 2 * inner) {
            for (int j = 0; j < inner; j++, k++) {
                double v = Math.max(x[start + j + inner], eps);
                double error = x[start + j] - t[k];
                out[k] = (float) (0.5 * (Math.log(v) + error * error / v) + constant);
            }
        }
        return values;
    }

    /**
     * Checks the shapes and the variances.
     *
     * @return the number of elements per sample and input, {@code d1 · d2 · ...}
     */
    private int check(Tensor predictions, Tensor targets) {
        requireNonNull(predictions, "predictions is null");
        requireNonNull(targets, "targets is null");
        int[] p = predictions.shape();
        int[] t = targets.shape();
        if (p.length < 2 || p[1] != 2) {
            throw new IllegalArgumentException(NAME + ": predictions of shape " + Shapes.toString(p)
                    + " with targets of shape " + Shapes.toString(t) + " do not stack the mean and the variance on"
                    + " axis 1; expected predictions [N, 2, d1, ...] with targets [N, d1, ...]");
        }
        int[] expected = new int[p.length - 1];
        expected[0] = p[0];
        System.arraycopy(p, 2, expected, 1, p.length - 2);
        if (!Arrays.equals(expected, t)) {
            throw new IllegalArgumentException(NAME + ": predictions of shape " + Shapes.toString(p)
                    + " do not match targets of shape " + Shapes.toString(t) + "; predictions [N, 2, d1, ...] (mean"
                    + " and variance stacked on axis 1) need targets [N, d1, ...], here " + Shapes.toString(expected));
        }
        int inner = 1;
        for (int axis = 2; axis < p.length; axis++) {
            inner *= p[axis];
        }
        float[] x = predictions.data();
        for (int start = 0; start < x.length; start += 2 * inner) {
            for (int i = start + inner; i < start + 2 * inner; i++) {
                if (x[i] < 0) {
                    throw InputChecks.negative(NAME, "variance", i, p, x[i],
                            "variances (index 1 of axis 1) must be non-negative");
                }
            }
        }
        return inner;
    }

    /** The spec that makes this loss: {@code gaussian_nll(full=false, eps=1.0E-6, reduction=mean)}. */
    @Override
    public String toString() {
        return NAME + "(full=" + full + ", eps=" + eps + ", reduction=" + reduction.specName() + ")";
    }
}
