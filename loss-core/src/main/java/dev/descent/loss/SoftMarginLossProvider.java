package dev.descent.loss;

import java.util.List;

/** Provides {@link SoftMarginLoss} as {@code soft_margin}. */
public final class SoftMarginLossProvider extends ReductionLossProvider {
    public SoftMarginLossProvider() {
        super(SoftMarginLoss.NAME, List.of(), "soft margin (logistic) loss, log(1 + exp(-t·p)) per element, computed"
                + " stably; targets -1 or 1, same shape as the scores",
                "Binary classification with -1/1 labels on raw scores: a smooth hinge, equal to logistic "
                + "regression.",
                SoftMarginLoss::new);
    }
}
