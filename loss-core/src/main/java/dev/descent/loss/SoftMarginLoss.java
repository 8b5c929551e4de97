package dev.descent.loss;

import static java.util.Objects.requireNonNull;

import dev.descent.api.ElementwiseLoss;
import dev.descent.api.Reduction;

/**
 * The soft margin loss, PyTorch's {@code SoftMarginLoss}: {@code log(1 + exp(-t·p))} per element, for
 * targets {@code t} of -1 or 1 and real-valued scores (logits) {@code p}; the logistic loss of a binary
 * classifier with ±1 labels, a smooth hinge. Predictions and targets have the same shape; a target other
 * than -1 or 1 is refused naming its index and value.
 *
 * <p>Computed as {@code softplus(-t·p) = max(-t·p, 0) + log1p(exp(-|t·p|))}, gradient
 * {@code -t·sigmoid(-t·p)}, written once as a dual-number formula ({@link #FORMULA}).
 *
 * <p>Deviation from PyTorch: PyTorch evaluates {@code log1p(exp(-t·p))} as written, so a margin below
 * about -88 overflows in float to an infinite loss and a NaN gradient; here such a sample costs
 * {@code -t·p} with gradient {@code -t}, finite for logits of ±1e4. Elsewhere the two agree to float
 * precision.
 */
public final class SoftMarginLoss extends SignedTargetsLoss {
    /** The canonical name, as written in specs. */
    public static final String NAME = "soft_margin";

    /**
     * The loss of one element as a dual-number formula ({@code ElementwiseLoss.of}), which gives the value and
     * the exact gradient: {@code Dual.softplus} is the stable form above, its derivative the sigmoid.
     */
    static final ElementwiseLoss.Formula FORMULA = (prediction, target) -> prediction.times(-target).softplus();

    /** The soft margin loss reduced by {@code reduction}. */
    public SoftMarginLoss(Reduction reduction) {
        super(ElementwiseLoss.of(NAME, requireNonNull(reduction, "reduction is null"), FORMULA));
    }

    /** The mean soft margin loss. */
    public SoftMarginLoss() {
        this(Reduction.MEAN);
    }

    /** The spec that makes this loss: {@code soft_margin(reduction=sum)}. */
    @Override
    public String toString() {
        return NAME + "(reduction=" + reduction().specName() + ")";
    }
}
