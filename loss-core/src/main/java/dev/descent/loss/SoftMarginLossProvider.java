package dev.descent.loss;

import java.util.List;

/** Provides {@link SoftMarginLoss} as {@code soft_margin}. */
public final class SoftMarginLossProvider extends ReductionLossProvider {
    public SoftMarginLossProvider() {
        super(SoftMarginLoss.NAME, List.of(), "soft margin (logistic) loss, log(1 + exp(-t·p)) per element, computed"
                + " stably; targets -1 or 1, same shape as the scores", SoftMarginLoss::new);
    }
}
