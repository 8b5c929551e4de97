package dev.descent.loss;

import java.util.List;

/** Provides {@link HingeLoss} as {@code hinge}. */
public final class HingeLossProvider extends ReductionLossProvider {
    public HingeLossProvider() {
        super(HingeLoss.NAME, List.of(), "Keras hinge, max(1 - t·p, 0) per element; targets -1 or 1 (all 0/1 read as"
                + " -1/1), same shape as the scores",
                "Maximum-margin (SVM-style) binary classification with -1/1 labels on raw scores.",
                HingeLoss::new);
    }
}
