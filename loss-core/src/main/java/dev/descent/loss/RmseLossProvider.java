package dev.descent.loss;

import java.util.List;

/** Provides {@link RmseLoss} as {@code rmse}. */
public final class RmseLossProvider extends ReductionLossProvider {
    public RmseLossProvider() {
        super(RmseLoss.NAME, List.of(), "root mean squared error, sqrt(mean((p - t)^2)); sum: sqrt(sum((p - t)^2)),"
                + " none: |p - t|; gradient 0 at zero error",
                "To report regression error in the targets' own units; as a training loss it has mse's "
                + "minimiser and a gradient that does not vanish as the error shrinks.",
                RmseLoss::new);
    }
}
