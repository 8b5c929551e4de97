package dev.descent.loss;

import java.util.List;

/** Provides {@link MseLoss} as {@code mse}. */
public final class MseLossProvider extends ReductionLossProvider {
    public MseLossProvider() {
        super(MseLoss.NAME, List.of(), "mean squared error, mean((p - t)^2); sum: sum((p - t)^2), none: (p - t)^2",
                "The default for regression when errors are roughly Gaussian; squares punish large errors "
                + "hard, so a few outliers dominate it (prefer huber or l1 then).",
                MseLoss::new);
    }
}
