package dev.descent.loss;

import dev.descent.api.Reduction;
import dev.descent.api.Shapes;
import dev.descent.api.Tensor;
import dev.descent.loss.kernel.LossKernels;
import dev.descent.loss.kernel.ScalarLossKernels;

/**
 * Binary cross-entropy of probabilities (log loss), PyTorch's {@code BCELoss}:
 * <pre>
 *   loss = -w (t · max(log p, -100) + (1 - t) · max(log(1 - p), -100))
 * </pre>
 * per element, with the logarithms clamped at -100 as PyTorch does, so that {@code p = 0} or {@code p = 1}
 * gives a finite loss (at most 100 w). The minus sign is part of the loss: it is positive.
 *
 * <p>The gradient is PyTorch's: {@code w (p - t) / max(p (1 - p), 1e-12)}, scaled by the reduction (1 / n
 * for the mean). Like PyTorch's, it ignores the clamp: at {@code p = 0} with {@code t = 1} it is
 * {@code -1e12 w}, steering the prediction away from the wrong extreme.
 *
 * <p>Parameters: {@code weight}, an optional list broadcast over the last axis as PyTorch broadcasts a 1-D
 * weight (one value per element of the last axis, or a single value), and {@code reduction}.
 *
 * <p>Shapes: predictions and targets of one shape, predictions probabilities in [0, 1] (e.g. after a
 * sigmoid), targets in [0, 1]; a value outside is refused naming the index and value.
 *
 * <p>Use it when the model outputs probabilities; on logits, {@code bce_with_logits} is the same loss,
 * numerically safer.
 *
 * <p>Deviations from PyTorch: a NaN prediction gives a NaN loss and gradient where PyTorch raises "all
 * elements of input should be between 0 and 1" (NaN propagates in every loss here, so a diverging model
 * shows as NaN); a target outside [0, 1] or NaN is refused, where PyTorch computes with it. {@code log(1 - p)}
 * is computed as {@code log1p(-p)} in double, more accurate than PyTorch's float {@code log(1 - p)} for
 * small p.
 */
public final class BceLoss extends PerElementLoss {
    /** The canonical name, as written in specs. */
    public static final String NAME = "bce";
    private final double[] weight;

    /**
     * @param weight weights broadcast over the last axis (one per element of it, or one), or null for none
     * @param reduction mean, sum or none
     */
    public BceLoss(double[] weight, Reduction reduction) {
        super(NAME, reduction);
        this.weight = weight == null ? null : weight.clone();
    }

    /** PyTorch's defaults: no weight, the mean. */
    public BceLoss() {
        this(null, Reduction.MEAN);
    }

    @Override
    void check(Tensor predictions, Tensor targets) {
        Shapes.requireSameShape(NAME, predictions, targets);
        InputChecks.requireLastAxisWeights(NAME, "weight", weight, predictions);
    }

    /** Probabilities in [0, 1], checked after the gradient buffer's shape, as bce always reported them. */
    @Override
    void checkValues(Tensor predictions, Tensor targets) {
        float[] p = predictions.data();
        float[] t = targets.data();
        if (LossKernels.get().probabilities(p, t)) {
            return;
        }
        // Something is outside: find the first, to name it.
        for (int i = 0; i < p.length; i++) {
            // A NaN prediction passes, to propagate; a NaN target is refused.
            if (p[i] < 0 || p[i] > 1) {
                throw outside("prediction", i, p[i], predictions, "predictions must be probabilities (apply a"
                        + " sigmoid first, or use bce_with_logits on logits)");
            }
            if (!(t[i] >= 0 && t[i] <= 1)) {
                throw outside("target", i, t[i], targets, "targets must be probabilities, such as the labels 0 and 1");
            }
        }
    }

    /**
     * The loss of element {@code i}; the weights repeat along the last axis, and {@code i} runs along it.
     * {@code w · f(scale · w)} is bit for bit {@code -w (...)} and {@code scale · w · (p - t) / ...}.
     */
    @Override
    double sample(float[] p, float[] t, int i, int width, float[] g, double scale) {
        double w = weight == null ? 1 : weight[i % weight.length];
        return w * ScalarLossKernels.bce(p, t, i, g, scale * w);
    }

    /** Without weights, the kernel's loop (vectorised when the JVM allows). */
    @Override
    double sum(float[] p, float[] t, int samples, int width, float[] g, double scale) {
        return weight == null ? LossKernels.get().bce(p, t, g, scale) : super.sum(p, t, samples, width, g, scale);
    }

    private static IllegalArgumentException outside(String what, int flat, float value, Tensor tensor,
            String expected) {
        return new IllegalArgumentException(NAME + ": " + what + " at " + InputChecks.index(flat, tensor.shape())
                + " is " + InputChecks.quote(value) + ", outside [0, 1]; " + expected);
    }

    /** The spec that makes this loss: {@code bce(reduction=mean)}. */
    @Override
    public String toString() {
        return NAME + "(" + (weight == null ? "" : "weight=" + java.util.Arrays.toString(weight) + ", ")
                + "reduction=" + reduction().specName() + ")";
    }
}
