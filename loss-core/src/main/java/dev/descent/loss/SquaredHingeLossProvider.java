package dev.descent.loss;

import java.util.List;

/** Provides {@link SquaredHingeLoss} as {@code squared_hinge}. */
public final class SquaredHingeLossProvider extends ReductionLossProvider {
    public SquaredHingeLossProvider() {
        super(SquaredHingeLoss.NAME, List.of(), "Keras squared hinge, max(1 - t·p, 0)^2 per element; targets -1 or 1"
                + " (all 0/1 read as -1/1), same shape as the scores",
                "SVM-style binary classification with a smooth gradient at the margin; punishes violations "
                + "quadratically.",
                SquaredHingeLoss::new);
    }
}
