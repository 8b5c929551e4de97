package dev.descent.loss;

import java.util.List;

/** Provides {@link MsleLoss} as {@code msle}. */
public final class MsleLossProvider extends ReductionLossProvider {
    public MsleLossProvider() {
        super(MsleLoss.NAME, List.of(), "mean squared logarithmic error (Keras), mean((log(max(p, eps) + 1)"
                + " - log(max(t, eps) + 1))^2), eps = 1e-7; predictions and targets of one shape",
                "Targets spanning orders of magnitude (prices, counts) where relative error matters more than "
                + "absolute, and under-prediction should cost more than over-prediction.",
                MsleLoss::new);
    }
}
