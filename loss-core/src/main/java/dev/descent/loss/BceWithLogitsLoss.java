package dev.descent.loss;

import dev.descent.api.Reduction;
import dev.descent.api.Shapes;
import dev.descent.api.Tensor;
import dev.descent.loss.kernel.LossKernels;
import dev.descent.loss.kernel.ScalarLossKernels;
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
public final class BceWithLogitsLoss extends PerElementLoss {
    /** The canonical name, as written in specs. */
    public static final String NAME = "bce_with_logits";

    private final double[] weight;
    private final double[] posWeight;

    /**
     * @param weight weights broadcast over the last axis (one per element of it, or one), or null for none
     * @param posWeight weights of the positive term broadcast over the last axis, or null for none
     * @param reduction mean, sum or none
     */
    public BceWithLogitsLoss(double[] weight, double[] posWeight, Reduction reduction) {
        super(NAME, reduction);
        this.weight = weight == null ? null : weight.clone();
        this.posWeight = posWeight == null ? null : posWeight.clone();
    }

    /** PyTorch's defaults: no weights, the mean. */
    public BceWithLogitsLoss() {
        this(null, null, Reduction.MEAN);
    }

    @Override
    void check(Tensor predictions, Tensor targets) {
        Shapes.requireSameShape(NAME, predictions, targets);
        InputChecks.requireLastAxisWeights(NAME, "weight", weight, predictions);
        InputChecks.requireLastAxisWeights(NAME, "pos_weight", posWeight, predictions);
    }

    /**
     * The loss of element {@code i}; the weights repeat along the last axis, and {@code i} runs along it.
     * {@code w · f(scale · w)} is bit for bit {@code w (...)} and {@code scale · w · slope}.
     */
    @Override
    double sample(float[] x, float[] t, int i, int width, float[] g, double scale) {
        double w = weight == null ? 1 : weight[i % weight.length];
        double pw = posWeight == null ? 1 : posWeight[i % posWeight.length];
        return w * ScalarLossKernels.bceWithLogits(x, t, i, g, scale * w, pw);
    }

    /** Without weights, the kernel's loop (vectorised when the JVM allows). */
    @Override
    double sum(float[] x, float[] t, int samples, int width, float[] g, double scale) {
        return weight == null && posWeight == null ? LossKernels.get().bceWithLogits(x, t, g, scale)
                : super.sum(x, t, samples, width, g, scale);
    }

    /** The spec that makes this loss: {@code bce_with_logits(reduction=mean)}. */
    @Override
    public String toString() {
        return NAME + "(" + (weight == null ? "" : "weight=" + Arrays.toString(weight) + ", ")
                + (posWeight == null ? "" : "pos_weight=" + Arrays.toString(posWeight) + ", ")
                + "reduction=" + reduction().specName() + ")";
    }
}
