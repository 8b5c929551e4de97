package dev.descent.loss;

import java.util.List;

/** Provides {@link MseLoss} as {@code mse}. */
public final class MseLossProvider extends ReductionLossProvider {
    public MseLossProvider() {
        super(MseLoss.NAME, List.of(), "mean squared error, mean((p - t)^2); sum: sum((p - t)^2), none: (p - t)^2",
                MseLoss::new);
    }
}
