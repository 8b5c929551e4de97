package dev.descent.loss;

import dev.descent.api.Reduction;
import dev.descent.api.Shapes;
import dev.descent.api.Tensor;

/**
 * Sigmoid focal loss (Lin et al., "Focal Loss for Dense Object Detection"), torchvision's
 * {@code torchvision.ops.sigmoid_focal_loss}: binary cross-entropy on logits, scaled down where the
 * prediction is already right, so that the many easy examples do not swamp the few hard ones.
 * With {@code s = sigmoid(x)}:
 * <pre>
 *   ce    = max(x, 0) - x t + log1p(exp(-|x|))          (bce_with_logits)
 *   q     = 1 - p_t = s (1 - t) + (1 - s) t              (p_t = s t + (1 - s)(1 - t))
 *   loss  = alpha_t · ce · q^gamma,   alpha_t = alpha t + (1 - alpha)(1 - t)   (1 when alpha &lt; 0)
 * </pre>
 * The gradient is {@code alpha_t ((s - t) q^gamma + ce · gamma q^(gamma - 1) · s (1 - s)(1 - 2t))}, with the
 * second term 0 when {@code gamma = 0} (PyTorch's derivative of {@code q^0}), scaled by the reduction.
 * {@code 1 - s} is computed as {@code sigmoid(-x)}, so logits of ±1e4 give finite values and gradients.
 *
 * <p>Parameters, torchvision's: {@code alpha} (default 0.25) weighs the positives against the negatives,
 * a negative value disables the weighting; {@code gamma} (default 2, at least 0) is the focusing power,
 * 0 giving plain {@code bce_with_logits} scaled by {@code alpha_t}.
 *
 * <p>Shapes: predictions (logits) and targets of one shape; targets are the labels 0 and 1 (soft labels in
 * [0, 1] are computed with the same formula, as torchvision does).
 *
 * <p>Use it for heavily imbalanced binary or multi-label problems such as dense detection.
 *
 * <p>Deviations from torchvision: the default reduction is {@code mean}, as for every loss here;
 * torchvision's default is {@code none}. An {@code alpha} above 1 (which would weigh the negatives
 * negatively) and a negative {@code gamma} are refused; torchvision computes with them. NaN in a logit
 * propagates.
 */
public final class FocalLoss extends PerElementLoss {
    /** The canonical name, as written in specs. */
    public static final String NAME = "focal";

    private final double alpha;
    private final double gamma;

    /**
     * @param alpha the weight of the positives in [0, 1], or negative for no weighting
     * @param gamma the focusing power, at least 0
     * @param reduction mean, sum or none
     */
    public FocalLoss(double alpha, double gamma, Reduction reduction) {
        super(NAME, reduction);
        if (!(gamma >= 0) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException(NAME + ": gamma is '" + gamma + "'; expected a finite number >= 0");
        }
        if (!(alpha <= 1)) {
            throw new IllegalArgumentException(NAME + ": alpha is '" + alpha + "'; expected a number in [0, 1], or"
                    + " negative for no weighting");
        }
        this.alpha = alpha;
        this.gamma = gamma;
    }

    /** torchvision's alpha = 0.25 and gamma = 2, with the mean. */
    public FocalLoss() {
        this(0.25, 2, Reduction.MEAN);
    }

    @Override
    void check(Tensor predictions, Tensor targets) {
        Shapes.requireSameShape(NAME, predictions, targets);
    }

    /** The loss of element {@code i}, each element a sample. */
    @Override
    double sample(float[] x, float[] t, int i, int width, float[] g, double scale) {
        double logit = x[i];
        double target = t[i];
        // One exponential for sigmoid(x), sigmoid(-x) and both softplus terms; never exp of a large number.
        double e = Math.exp(-Math.abs(logit));
        double big = 1 / (1 + e);
        double small = e / (1 + e);
        double s = logit >= 0 ? big : small;
        double notS = logit >= 0 ? small : big;
        // t softplus(-x) + (1 - t) softplus(x) = softplus(x) - x t, without cancellation for binary t.
        double ce = Math.log1p(e) + target * Math.max(-logit, 0) + (1 - target) * Math.max(logit, 0);
        double q = s * (1 - target) + notS * target;
        double modulation = Math.pow(q, gamma);
        double alphaT = alpha < 0 ? 1 : alpha * target + (1 - alpha) * (1 - target);
        if (g != null) {
            double slope = (s - target) * modulation;
            if (gamma != 0) {
                slope += ce * gamma * Math.pow(q, gamma - 1) * s * notS * (1 - 2 * target);
            }
            g[i] = (float) (scale * alphaT * slope);
        }
        return alphaT * ce * modulation;
    }

    /** The spec that makes this loss: {@code focal(alpha=0.25, gamma=2, reduction=mean)}. */
    @Override
    public String toString() {
        return NAME + "(alpha=" + alpha + ", gamma=" + gamma + ", reduction=" + reduction().specName() + ")";
    }
}
