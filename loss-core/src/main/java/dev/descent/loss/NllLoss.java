package dev.descent.loss;

import dev.descent.api.Reduction;
import dev.descent.api.Tensor;
import java.util.Arrays;

/**
 * Negative log-likelihood, PyTorch's {@code NLLLoss}: for log-probabilities {@code x} over the classes of
 * one position and its class {@code y}, {@code loss = -w_y x_y}, with {@code w} the class {@code weight}
 * (all 1 when absent). The gradient is {@code -w_y} at the target's class and 0 elsewhere, scaled by the
 * reduction.
 *
 * <p>Reductions: the mean divides by the sum of {@code w_y} over the positions whose target is not
 * {@code ignore_index} (their count when there is no weight); an ignored position has loss 0 and gradient 0,
 * and a batch where every target is ignored has a NaN mean (0 / 0), as PyTorch.
 *
 * <p>Shapes: predictions (log-probabilities, e.g. a log-softmax) {@code [N, C]}, {@code [N, C, d1, ...]}
 * (classes on axis 1) or {@code [C]}; targets class indices of the predictions' shape without axis 1,
 * integral floats in {@code [0, C)} or equal to {@code ignore_index}; anything else is refused naming its
 * index and value. {@link #unreduced} has the targets' shape.
 *
 * <p>Use it after a log-softmax layer; {@code cross_entropy} on the logits is the same loss in one step and
 * numerically safer. The predictions are not checked to be log-probabilities, as in PyTorch.
 */
public final class NllLoss extends ClassAxisLoss {
    /** The canonical name, as written in specs. */
    public static final String NAME = "nll";

    /**
     * @param weight a weight per class, or null for none
     * @param ignoreIndex the target value whose positions are left out
     * @param reduction mean, sum or none
     */
    public NllLoss(double[] weight, int ignoreIndex, Reduction reduction) {
        super(NAME, false, weight, ignoreIndex, reduction);
    }

    /** PyTorch's defaults: no weight, ignore_index -100, the mean. */
    public NllLoss() {
        this(null, CrossEntropyLoss.DEFAULT_IGNORE_INDEX, Reduction.MEAN);
    }

    @Override
    double run(Tensor predictions, Tensor targets, ClassAxis axis, float[] g, float[] values) {
        // Checks every target before anything is written.
        double denominator = indexDenominator(targets, axis);
        double scale = Reductions.gradientScale(reduction(), denominator);
        if (g != null) {
            // Only the target's class has a gradient.
            Arrays.fill(g, 0f);
        }
        float[] x = predictions.data();
        float[] t = targets.data();
        int stride = axis.inner();
        double sum = 0;
        for (int position = 0; position < axis.positions(); position++) {
            float target = t[position];
            if (target == ignoreIndex) {
                continue;
            }
            int y = (int) target;
            double wy = weight == null ? 1 : weight[y];
            int i = axis.base(position) + y * stride;
            double loss = -wy * x[i];
            sum += loss;
            if (values != null) {
                values[position] = (float) loss;
            }
            if (g != null) {
                g[i] = (float) (-wy * scale);
            }
        }
        return Reductions.reduce(reduction(), sum, denominator);
    }
}
