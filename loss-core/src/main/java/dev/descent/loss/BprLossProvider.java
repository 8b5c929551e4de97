package dev.descent.loss;

import java.util.List;

/** Provides {@link BprLoss} as {@code bpr}. */
public final class BprLossProvider extends ReductionLossProvider {
    public BprLossProvider() {
        super(BprLoss.NAME, List.of(), "Bayesian personalised ranking, -log sigmoid(y (x1 - x2)); predictions [N, 2]:"
                + " x1, x2 stacked on axis 1; targets [N] of ±1 (1: x1 preferred)",
                "Recommenders trained on implicit feedback (matrix factorisation): a seen item should score "
                + "above an unseen one; a smooth, margin-free margin_ranking.",
                BprLoss::new);
    }
}
