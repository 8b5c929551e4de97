package dev.descent.loss;

import dev.descent.api.Reduction;
import dev.descent.api.Shapes;
import dev.descent.api.Tensor;

/**
 * The multi-class margin loss, PyTorch's {@code MultiMarginLoss}: for scores {@code x} of one sample over
 * {@code C} classes and its true class {@code y},
 * <pre>
 *   loss = sum_{i != y} w_y · max(0, margin - x_y + x_i)^p / C
 * </pre>
 * the multi-class SVM loss of Weston and Watkins: every other class whose score comes within
 * {@code margin} of the true one adds its violation. Use it for classification when a margin matters more
 * than calibrated probabilities.
 *
 * <p>Parameters, as PyTorch's: {@code p} is 1 or 2, {@code margin} (default 1), {@code weight} an optional
 * weight per class, which scales the loss of the samples of that class (after the power, as PyTorch's kernel
 * does: {@code w_y · max(...)^p}, not {@code max(0, w_y (...))^p} as its documentation writes). The mean is
 * over samples, unweighted, as PyTorch's.
 *
 * <p>Shapes: predictions {@code [N, C]}, targets {@code [N]} of class indices (integral floats in
 * {@code [0, C)}; anything else is refused naming the index and value). {@link #unreduced} is {@code [N]}.
 *
 * <p>Gradient: {@code w_y p max(...)^(p-1) / C} for each violating class and minus their sum for the true
 * class; a term exactly at the margin ({@code margin - x_y + x_i = 0}) adds nothing, as PyTorch's kernel tests
 * {@code > 0}.
 *
 * <p>Deviation from PyTorch: a NaN score makes the sample's loss NaN and its gradient terms NaN. PyTorch's
 * CPU kernel drops a NaN term (its {@code > 0} test is false) and reports 0 with a zero gradient, hiding the
 * divergence.
 */
public final class MultiMarginLoss extends PerSampleLoss {
    /** The canonical name, as written in specs. */
    public static final String NAME = "multi_margin";

    private final int p;
    private final double margin;
    private final double[] weight;

    /**
     * @param p 1 or 2, the power of each violation
     * @param margin how far above every other score the true score must be to cost nothing
     * @param weight a weight per class, or null for none
     * @param reduction mean over samples, sum, or none
     */
    public MultiMarginLoss(int p, double margin, double[] weight, Reduction reduction) {
        super(NAME, reduction);
        if (p != 1 && p != 2) {
            throw new IllegalArgumentException(NAME + ": p is '" + p + "'; only 1 and 2 are supported");
        }
        this.p = p;
        this.margin = margin;
        this.weight = weight == null ? null : weight.clone();
    }

    /** PyTorch's defaults: p = 1, margin = 1, no weight, the mean. */
    public MultiMarginLoss() {
        this(1, 1, null, Reduction.MEAN);
    }

    @Override
    double sample(float[] x, float[] t, int row, int classes, float[] g, double scale) {
        int start = row * classes;
        double classScale = scale / classes;
        int y = (int) t[row];
        double w = weight == null ? 1 : weight[y];
        double xy = x[start + y];
        double loss = 0;
        double trueGradient = 0;
        for (int i = start; i < start + classes; i++) {
            if (i == start + y) {
                continue;
            }
            double z = margin - xy + x[i];
            double slope = 0;
            // !(z <= 0) holds for z > 0 and for NaN, which must show.
            if (!(z <= 0)) {
                loss += p == 1 ? z : z * z;
                slope = Double.isNaN(z) ? Double.NaN : p == 1 ? 1 : 2 * z;
            }
            if (g != null) {
                double gi = w * slope * classScale;
                g[i] = (float) gi;
                trueGradient -= gi;
            }
        }
        if (g != null) {
            g[start + y] = (float) trueGradient;
        }
        return w * loss / classes;
    }

    @Override
    void check(Tensor predictions, Tensor targets) {
        if (predictions.rank() != 2 || targets.rank() != 1 || targets.dim(0) != predictions.dim(0)) {
            throw new IllegalArgumentException(NAME + ": predictions of shape " + Shapes.toString(predictions.shape())
                    + " do not fit targets of shape " + Shapes.toString(targets.shape()) + "; expected scores [N, C]"
                    + " and class indices [N]");
        }
        int classes = predictions.dim(1);
        InputChecks.requireClassWeights(NAME, weight, predictions, classes);
        for (int row = 0; row < targets.size(); row++) {
            InputChecks.classIndex(NAME, targets, row, classes);
        }
    }

    /** The spec that makes this loss: {@code multi_margin(p=1, margin=1, reduction=mean)}. */
    @Override
    public String toString() {
        return NAME + "(p=" + p + ", margin=" + margin + (weight == null ? "" : ", weight="
                + java.util.Arrays.toString(weight)) + ", reduction=" + reduction().specName() + ")";
    }
}
