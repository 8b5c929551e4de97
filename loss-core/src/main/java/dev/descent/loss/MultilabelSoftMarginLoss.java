package dev.descent.loss;

import dev.descent.api.Reduction;
import dev.descent.api.Shapes;
import dev.descent.api.Tensor;
import java.util.Arrays;

/**
 * The multi-label soft margin loss, PyTorch's {@code MultiLabelSoftMarginLoss}: for logits {@code x} of one
 * sample over {@code C} labels and targets {@code y} (1: the label applies, 0: it does not),
 * <pre>
 *   loss = -(1/C) sum_c w_c (y_c log sigmoid(x_c) + (1 - y_c) log sigmoid(-x_c))
 * </pre>
 * the binary cross-entropy of each label, averaged over the labels of the sample. Use it for multi-label
 * classification (several labels per sample), with logits rather than probabilities.
 *
 * <p>Parameter {@code weight}: an optional weight per label, length {@code C}. Shapes: predictions
 * {@code [N, C]} (or {@code [N, ..., C]}, labels on the last axis as PyTorch's), targets of the same shape
 * holding values in [0, 1] (0 or 1 usually; soft labels are accepted as PyTorch accepts them); a target
 * outside [0, 1] is refused naming its index and value. {@link #unreduced} is {@code [N]} (the predictions'
 * shape without its last axis), each sample's mean over labels; the reduction is over samples.
 *
 * <p>Computed stably, as PyTorch's {@code logsigmoid}: {@code max(x, 0) - x y + log1p(exp(-|x|))}, with
 * gradient {@code w_c (sigmoid(x_c) - y_c) / C}; logits of ±1e4 give finite values and gradients.
 */
public final class MultilabelSoftMarginLoss extends PerSampleLoss {
    /** The canonical name, as written in specs. */
    public static final String NAME = "multilabel_soft_margin";

    private final double[] weight;

    /**
     * @param weight a weight per label, or null for none
     * @param reduction mean over samples, sum, or none
     */
    public MultilabelSoftMarginLoss(double[] weight, Reduction reduction) {
        super(NAME, reduction);
        this.weight = weight == null ? null : weight.clone();
    }

    /** PyTorch's defaults: no weight, the mean. */
    public MultilabelSoftMarginLoss() {
        this(null, Reduction.MEAN);
    }

    /** One value per sample: the predictions' shape without its last axis. */
    @Override
    int[] valueShape(Tensor predictions) {
        int[] shape = predictions.shape();
        return Arrays.copyOf(shape, shape.length - 1);
    }

    @Override
    double sample(float[] x, float[] y, int row, int classes, float[] g, double scale) {
        int start = row * classes;
        double labelScale = scale / classes;
        double loss = 0;
        for (int c = 0; c < classes; c++) {
            double logit = x[start + c];
            double target = y[start + c];
            double w = weight == null ? 1 : weight[c];
            loss += w * (Math.max(logit, 0) - logit * target + Math.log1p(Math.exp(-Math.abs(logit))));
            if (g != null) {
                g[start + c] = (float) (w * (Logistic.sigmoid(logit) - target) * labelScale);
            }
        }
        return loss / classes;
    }

    @Override
    void check(Tensor predictions, Tensor targets) {
        if (predictions.rank() < 2 || !Arrays.equals(predictions.shape(), targets.shape())) {
            throw new IllegalArgumentException(NAME + ": predictions of shape " + Shapes.toString(predictions.shape())
                    + " do not fit targets of shape " + Shapes.toString(targets.shape()) + "; expected logits [N, C]"
                    + " and targets [N, C] of 0 or 1, the same shape (labels on the last axis)");
        }
        InputChecks.requireClassWeights(NAME, weight, predictions, predictions.dim(-1));
        float[] y = targets.data();
        for (int i = 0; i < y.length; i++) {
            if (!(y[i] >= 0 && y[i] <= 1)) {
                throw new IllegalArgumentException(NAME + ": target at " + InputChecks.index(i, targets.shape())
                        + " is " + InputChecks.quote(y[i]) + "; targets must lie in [0, 1] (1: the label applies,"
                        + " 0: it does not)");
            }
        }
    }

    /** The spec that makes this loss: {@code multilabel_soft_margin(reduction=sum)}. */
    @Override
    public String toString() {
        return NAME + "(" + (weight == null ? "" : "weight=" + Arrays.toString(weight) + ", ") + "reduction="
                + reduction().specName() + ")";
    }
}
