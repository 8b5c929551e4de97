package dev.descent.loss;

import dev.descent.api.Reduction;
import dev.descent.api.Tensor;
import dev.descent.loss.kernel.LossKernels;
import java.util.Arrays;

/**
 * Cross-entropy of logits, PyTorch's {@code CrossEntropyLoss} (log-softmax then negative log-likelihood).
 * With {@code log p_c = x_c - logsumexp(x)} over the classes of one position:
 * <ul>
 *   <li>class-index targets {@code y}:
 *       {@code loss = (1 - ε) w_y (-log p_y) + (ε / C) sum_c w_c (-log p_c)};</li>
 *   <li>probability targets {@code t}: {@code loss = -sum_c w_c t'_c log p_c} with
 *       {@code t' = (1 - ε) t + ε / C}.</li>
 * </ul>
 * {@code ε} is {@code label_smoothing}, {@code w} the class {@code weight} (all 1 when absent). The
 * smoothing term of index targets weights each class by its own weight, as PyTorch 1.13's
 * {@code cross_entropy_loss_label_smoothing} does.
 *
 * <p>Reductions: for index targets, the mean divides by the sum of {@code w_y} over the positions whose
 * target is not {@code ignore_index} (their count when there is no weight); a position whose target is
 * {@code ignore_index} has loss 0 and gradient 0 and counts in no denominator, so a batch where every target
 * is ignored has a NaN mean (0 / 0), as PyTorch. For probability targets the mean divides by the number of
 * positions, whatever the weights, and {@code ignore_index} plays no part (PyTorch's rule).
 *
 * <p>Shapes: predictions (logits) {@code [N, C]}, {@code [N, C, d1, ...]} (classes on axis 1) or
 * {@code [C]}; targets either class indices of the predictions' shape without axis 1 ({@code [N]},
 * {@code [N, d1, ...]}, {@code []}), held as integral floats in {@code [0, C)} or equal to
 * {@code ignore_index}, or probabilities of the predictions' shape. {@link #unreduced} has the predictions'
 * shape without axis 1. A target that is not an integer in range is refused naming its index and value.
 *
 * <p>Numerics: log-sum-exp with the largest logit subtracted, so logits of ±1e4 give finite values and
 * gradients; sums in {@code double}. The gradient is {@code (a + b W) p_j - a [j = y] - b w_j} for index
 * targets ({@code a = (1 - ε) w_y}, {@code b = ε / C}, {@code W = sum_c w_c}) and
 * {@code (sum_c w_c t'_c) p_j - w_j t'_j} for probabilities, scaled by the reduction.
 *
 * <p>Use it for single-label classification from raw scores; it is the standard loss for softmax
 * classifiers. A NaN logit makes its position's loss and gradient NaN, as PyTorch.
 */
public final class CrossEntropyLoss extends ClassAxisLoss {
    /** The canonical name, as written in specs. */
    public static final String NAME = "cross_entropy";
    /** PyTorch's default {@code ignore_index}. */
    public static final int DEFAULT_IGNORE_INDEX = -100;

    private final double labelSmoothing;

    /**
     * @param weight a weight per class, or null for none
     * @param ignoreIndex the target value whose positions are left out
     * @param labelSmoothing ε in [0, 1]
     * @param reduction mean, sum or none
     */
    public CrossEntropyLoss(double[] weight, int ignoreIndex, double labelSmoothing, Reduction reduction) {
        super(NAME, true, weight, ignoreIndex, reduction);
        if (!(labelSmoothing >= 0 && labelSmoothing <= 1)) {
            throw new IllegalArgumentException(NAME + ": label_smoothing is '" + labelSmoothing
                    + "'; expected a number in [0, 1]");
        }
        this.labelSmoothing = labelSmoothing;
    }

    /** PyTorch's defaults: no weight, ignore_index -100, no smoothing, the mean. */
    public CrossEntropyLoss() {
        this(null, DEFAULT_IGNORE_INDEX, 0, Reduction.MEAN);
    }

    @Override
    double run(Tensor predictions, Tensor targets, ClassAxis axis, float[] g, float[] values) {
        return axis.probabilities() ? probabilities(predictions, targets, axis, g, values)
                : indices(predictions, targets, axis, g, values);
    }

    private double indices(Tensor predictions, Tensor targets, ClassAxis axis, float[] g, float[] values) {
        // Checks every target before anything is written.
        double denominator = indexDenominator(targets, axis);
        double scale = Reductions.gradientScale(reduction(), denominator);
        float[] x = predictions.data();
        float[] t = targets.data();
        int classes = axis.classes();
        int stride = axis.inner();
        double smoothing = labelSmoothing / classes;
        double weightSum = weight == null ? classes : Arrays.stream(weight).sum();
        LossKernels kernels = LossKernels.get();
        double sum = 0;
        for (int position = 0; position < axis.positions(); position++) {
            int base = axis.base(position);
            int end = base + classes * stride;
            // Validated above: t holds y or ignore_index.
            float target = t[position];
            if (target == ignoreIndex) {
                if (g != null) {
                    for (int i = base; i < end; i += stride) {
                        g[i] = 0f;
                    }
                }
                continue;
            }
            int y = (int) target;
            double max = kernels.max(x, base, classes, stride);
            // exp(x - max) of each class into g, the softmax's numerators.
            double expSum = kernels.expSum(x, base, classes, stride, max, g);
            double logSumExp = max + Math.log(expSum);
            double wy = weight == null ? 1 : weight[y];
            double a = (1 - labelSmoothing) * wy;
            double loss = a * (logSumExp - x[base + y * stride]);
            if (smoothing != 0) {
                double smooth = 0;
                for (int c = 0, i = base; c < classes; c++, i += stride) {
                    smooth += (weight == null ? 1 : weight[c]) * (logSumExp - x[i]);
                }
                loss += smoothing * smooth;
            }
            sum += loss;
            if (values != null) {
                values[position] = (float) loss;
            }
            if (g != null && smoothing == 0) {
                // The loop below without its smoothing terms, which are 0 (x - 0 is x).
                double softmaxFactor = a / expSum;
                int targetIndex = base + y * stride;
                double targetExp = g[targetIndex];
                kernels.scale(g, base, classes, stride, softmaxFactor, scale);
                g[targetIndex] = (float) (scale * (softmaxFactor * targetExp - a));
            } else if (g != null) {
                double softmaxFactor = (a + smoothing * weightSum) / expSum;
                for (int c = 0, i = base; c < classes; c++, i += stride) {
                    double gradient = softmaxFactor * g[i] - smoothing * (weight == null ? 1 : weight[c]);
                    if (c == y) {
                        gradient -= a;
                    }
                    g[i] = (float) (scale * gradient);
                }
            }
        }
        return Reductions.reduce(reduction(), sum, denominator);
    }

    private double probabilities(Tensor predictions, Tensor targets, ClassAxis axis, float[] g, float[] values) {
        float[] x = predictions.data();
        float[] t = targets.data();
        int classes = axis.classes();
        int stride = axis.inner();
        int positions = axis.positions();
        double scale = Reductions.gradientScale(reduction(), positions);
        double keep = 1 - labelSmoothing;
        double smoothing = labelSmoothing / classes;
        double sum = 0;
        for (int position = 0; position < positions; position++) {
            int base = axis.base(position);
            int end = base + classes * stride;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = base; i < end; i += stride) {
                max = Math.max(max, x[i]);
            }
            double expSum = 0;
            // sum_c w_c t'_c, the factor of the softmax in the gradient.
            double targetMass = 0;
            for (int c = 0, i = base; c < classes; c++, i += stride) {
                double e = Math.exp(x[i] - max);
                expSum += e;
                targetMass += (weight == null ? 1 : weight[c]) * (keep * t[i] + smoothing);
                if (g != null) {
                    g[i] = (float) e;
                }
            }
            double logSumExp = max + Math.log(expSum);
            double loss = 0;
            for (int c = 0, i = base; c < classes; c++, i += stride) {
                double weighted = (weight == null ? 1 : weight[c]) * (keep * t[i] + smoothing);
                loss += weighted * (logSumExp - x[i]);
                if (g != null) {
                    g[i] = (float) (scale * (targetMass * g[i] / expSum - weighted));
                }
            }
            sum += loss;
            if (values != null) {
                values[position] = (float) loss;
            }
        }
        return Reductions.reduce(reduction(), sum, positions);
    }

    @Override
    String parameters() {
        return "label_smoothing=" + labelSmoothing + ", ";
    }
}
