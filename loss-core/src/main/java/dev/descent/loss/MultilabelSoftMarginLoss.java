package dev.descent.loss;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Loss;
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
public final class MultilabelSoftMarginLoss implements Loss {
    /** The canonical name, as written in specs. */
    public static final String NAME = "multilabel_soft_margin";

    private final double[] weight;
    private final Reduction reduction;

    /**
     * @param weight a weight per label, or null for none
     * @param reduction mean over samples, sum, or none
     */
    public MultilabelSoftMarginLoss(double[] weight, Reduction reduction) {
        this.weight = weight == null ? null : weight.clone();
        this.reduction = requireNonNull(reduction, "reduction is null");
    }

    /** PyTorch's defaults: no weight, the mean. */
    public MultilabelSoftMarginLoss() {
        this(null, Reduction.MEAN);
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
        check(predictions, targets);
        Shapes.requireGradientShape(NAME, predictions, gradient);
        return run(predictions, targets, null, gradient == null ? null : gradient.data());
    }

    @Override
    public Tensor unreduced(Tensor predictions, Tensor targets) {
        check(predictions, targets);
        int[] shape = predictions.shape();
        Tensor values = Tensor.zeros(Arrays.copyOf(shape, shape.length - 1));
        run(predictions, targets, values.data(), null);
        return values;
    }

    private double run(Tensor predictions, Tensor targets, float[] values, float[] g) {
        float[] x = predictions.data();
        float[] y = targets.data();
        int classes = predictions.dim(-1);
        int rows = values != null ? values.length : Math.toIntExact(samples(predictions));
        double scale = Reductions.gradientScale(reduction, rows) / classes;
        double sum = 0;
        for (int row = 0, start = 0; row < rows; row++, start += classes) {
            double loss = 0;
            for (int c = 0; c < classes; c++) {
                double logit = x[start + c];
                double target = y[start + c];
                double w = weight == null ? 1 : weight[c];
                loss += w * (Math.max(logit, 0) - logit * target + Math.log1p(Math.exp(-Math.abs(logit))));
                if (g != null) {
                    g[start + c] = (float) (w * (Logistic.sigmoid(logit) - target) * scale);
                }
            }
            loss /= classes;
            sum += loss;
            if (values != null) {
                values[row] = (float) loss;
            }
        }
        return Reductions.reduce(reduction, sum, rows);
    }

    /** The number of samples: the product of every axis but the last. */
    private static long samples(Tensor predictions) {
        int[] shape = predictions.shape();
        return Shapes.size(Arrays.copyOf(shape, shape.length - 1));
    }

    private void check(Tensor predictions, Tensor targets) {
        requireNonNull(predictions, "predictions is null");
        requireNonNull(targets, "targets is null");
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
                + reduction.specName() + ")";
    }
}
