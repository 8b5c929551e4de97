package dev.descent.loss;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Loss;
import dev.descent.api.Reduction;
import dev.descent.api.Shapes;
import dev.descent.api.Tensor;
import java.util.Arrays;

/**
 * Binary cross-entropy of logits, PyTorch's {@code BCEWithLogitsLoss}: the sigmoid and {@code bce} in one,
 * written in the stable logits form
 * <pre>
 *   loss = w ((1 - t) x + l · softplus(-x)),   l = 1 + (pos_weight - 1) t,
 *   softplus(-x) = max(-x, 0) + log1p(exp(-|x|))
 * </pre>
 * which without {@code pos_weight} is {@code max(x, 0) - x t + log1p(exp(-|x|))}. It is computed as
 * {@code w ((1 - t) softplus(x) + pos_weight t softplus(-x))}, the same sum without its cancellation, with one
 * {@code exp(-|x|)}: no exponential of a large number, so logits of ±1e4 give finite values and gradients. The gradient is PyTorch's
 * {@code w ((pos_weight t + 1 - t) sigmoid(x) - pos_weight t)}, {@code w (sigmoid(x) - t)} without
 * {@code pos_weight}, scaled by the reduction (1 / n for the mean).
 *
 * <p>Parameters: {@code weight} scales each element's loss; {@code pos_weight} scales the positive term
 * {@code -t log sigmoid(x)}, trading recall against precision (a value above 1 for a class with few
 * positives: {@code #negatives / #positives} is the usual choice). Both are optional lists broadcast over the
 * last axis, as PyTorch broadcasts them: one value per element of the last axis (per class in a multi-label
 * {@code [N, C]} problem), or a single value.
 *
 * <p>Shapes: predictions (logits) and targets of one shape. Targets are usually 0 or 1; like PyTorch, any
 * value is accepted (soft labels in [0, 1] make sense).
 *
 * <p>Use it for binary and multi-label classification from raw scores. NaN in a logit propagates.
 */
public final class BceWithLogitsLoss implements Loss {
    /** The canonical name, as written in specs. */
    public static final String NAME = "bce_with_logits";

    private final double[] weight;
    private final double[] posWeight;
    private final Reduction reduction;

    /**
     * @param weight weights broadcast over the last axis (one per element of it, or one), or null for none
     * @param posWeight weights of the positive term broadcast over the last axis, or null for none
     * @param reduction mean, sum or none
     */
    public BceWithLogitsLoss(double[] weight, double[] posWeight, Reduction reduction) {
        this.weight = weight == null ? null : weight.clone();
        this.posWeight = posWeight == null ? null : posWeight.clone();
        this.reduction = requireNonNull(reduction, "reduction is null");
    }

    /** PyTorch's defaults: no weights, the mean. */
    public BceWithLogitsLoss() {
        this(null, null, Reduction.MEAN);
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
        return run(predictions, targets, gradient == null ? null : gradient.data(), null);
    }

    @Override
    public Tensor unreduced(Tensor predictions, Tensor targets) {
        check(predictions, targets);
        Tensor values = Tensor.zerosLike(predictions);
        run(predictions, targets, null, values.data());
        return values;
    }

    private void check(Tensor predictions, Tensor targets) {
        requireNonNull(predictions, "predictions is null");
        requireNonNull(targets, "targets is null");
        Shapes.requireSameShape(NAME, predictions, targets);
        InputChecks.requireLastAxisWeights(NAME, "weight", weight, predictions);
        InputChecks.requireLastAxisWeights(NAME, "pos_weight", posWeight, predictions);
    }

    private double run(Tensor predictions, Tensor targets, float[] g, float[] values) {
        float[] x = predictions.data();
        float[] t = targets.data();
        int n = x.length;
        double scale = Reductions.gradientScale(reduction, n);
        int weights = weight == null ? 1 : weight.length;
        int posWeights = posWeight == null ? 1 : posWeight.length;
        double sum = 0;
        for (int i = 0, j = 0, k = 0; i < n; i++, j = j + 1 == weights ? 0 : j + 1,
                k = k + 1 == posWeights ? 0 : k + 1) {
            double logit = x[i];
            double target = t[i];
            double w = weight == null ? 1 : weight[j];
            double pw = posWeight == null ? 1 : posWeight[k];
            // One exponential for both softplus terms and the sigmoid; never exp of a large number.
            double e = Math.exp(-Math.abs(logit));
            double log1pE = Math.log1p(e);
            // (1 - t) x + l softplus(-x) rewritten as (1 - t) softplus(x) + pos_weight t softplus(-x),
            // which does not cancel when x + softplus(-x) is small.
            double loss = w * ((1 - target) * (Math.max(logit, 0) + log1pE)
                    + pw * target * (Math.max(-logit, 0) + log1pE));
            sum += loss;
            if (values != null) {
                values[i] = (float) loss;
            }
            if (g != null) {
                double weightedTarget = pw * target;
                double sigmoid = logit >= 0 ? 1 / (1 + e) : e / (1 + e);
                double slope = (weightedTarget + 1 - target) * sigmoid - weightedTarget;
                g[i] = (float) (scale * w * slope);
            }
        }
        return Reductions.reduce(reduction, sum, n);
    }

    /** The spec that makes this loss: {@code bce_with_logits(reduction=mean)}. */
    @Override
    public String toString() {
        return NAME + "(" + (weight == null ? "" : "weight=" + Arrays.toString(weight) + ", ")
                + (posWeight == null ? "" : "pos_weight=" + Arrays.toString(posWeight) + ", ")
                + "reduction=" + reduction.specName() + ")";
    }
}
