package dev.descent.loss;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Loss;
import dev.descent.api.LossProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import dev.descent.api.Reduction;
import java.util.List;

/** Provides {@link MarginRankingLoss} as {@code margin_ranking}, with PyTorch's parameters and defaults. */
public final class MarginRankingLossProvider implements LossProvider {
    static final ParamSpec MARGIN = ParamSpec.real("margin", 0.0,
            "how far the preferred score must exceed the other to cost nothing");

    @Override
    public String name() {
        return MarginRankingLoss.NAME;
    }

    @Override
    public String description() {
        return "margin ranking loss, max(0, -y (x1 - x2) + margin); predictions [N, 2]: x1, x2 stacked on axis 1;"
                + " targets [N] of ±1 (1: x1 should rank higher)";
    }

    @Override
    public String whenToUse() {
        return "Learning to rank pairs: the score of the preferred item should exceed the other's by a margin.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(MARGIN, Reduction.PARAM);
    }

    @Override
    public Loss create(Params params) {
        requireNonNull(params, "params is null");
        return new MarginRankingLoss(params.real(MARGIN.name()), Reduction.of(params.string(Reduction.PARAM.name())));
    }
}
