package dev.descent.loss;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Loss;
import dev.descent.api.LossProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import dev.descent.api.Reduction;
import java.util.List;

/** Provides {@link TripletMarginLoss} as {@code triplet_margin}, with PyTorch's parameters and defaults. */
public final class TripletMarginLossProvider implements LossProvider {
    static final ParamSpec MARGIN = ParamSpec.real("margin", 1.0,
            "how much nearer the positive must be than the negative to cost nothing");
    static final ParamSpec P = ParamSpec.real("p", 2.0, "the degree of the distance's norm; inf for the largest"
            + " component").atLeast(1);
    static final ParamSpec EPS = ParamSpec.real("eps", 1e-6, "added to each component of a difference before"
            + " its norm, as PyTorch's pairwise_distance").atLeast(0);
    static final ParamSpec SWAP = ParamSpec.bool("swap", false,
            "use the smaller of the negative's distances to anchor and positive");

    @Override
    public String name() {
        return TripletMarginLoss.NAME;
    }

    @Override
    public String description() {
        return "triplet margin loss, max(0, margin + d(a, p) - d(a, n)), d the p-norm distance; predictions"
                + " [N, 3, D]: anchor, positive, negative on axis 1; targets ignored";
    }

    @Override
    public String whenToUse() {
        return "Metric learning (face recognition, retrieval): an anchor should be closer to a positive than to "
                + "a negative by a margin.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(MARGIN, P, EPS, SWAP, Reduction.PARAM);
    }

    @Override
    public Loss create(Params params) {
        requireNonNull(params, "params is null");
        return new TripletMarginLoss(params.real(MARGIN.name()), params.real(P.name()), params.real(EPS.name()),
                params.bool(SWAP.name()), Reduction.of(params.string(Reduction.PARAM.name())));
    }
}
