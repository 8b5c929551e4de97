package dev.descent.loss;

import java.util.List;

/** Provides {@link CategoricalHingeLoss} as {@code categorical_hinge}. */
public final class CategoricalHingeLossProvider extends ReductionLossProvider {
    public CategoricalHingeLossProvider() {
        super(CategoricalHingeLoss.NAME, List.of(), "Keras categorical hinge, max(0, 1 + max_j (1 - t_j) p_j"
                + " - sum_j t_j p_j) per sample; scores [N, C], one-hot targets [N, C]",
                "Multi-class maximum-margin classification with one-hot targets (the Keras definition).",
                CategoricalHingeLoss::new);
    }
}
