package dev.descent.loss;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Loss;
import dev.descent.api.LossProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import dev.descent.api.Reduction;
import java.util.List;

/** Provides {@link HingeEmbeddingLoss} as {@code hinge_embedding}, with PyTorch's parameters and defaults. */
public final class HingeEmbeddingLossProvider implements LossProvider {
    static final ParamSpec MARGIN = ParamSpec.real("margin", 1.0,
            "the distance beyond which a dissimilar pair costs nothing");

    @Override
    public String name() {
        return HingeEmbeddingLoss.NAME;
    }

    @Override
    public String description() {
        return "hinge embedding loss, x where y = 1 and max(0, margin - x) where y = -1, per element; distances x"
                + " and targets of ±1, same shape";
    }

    @Override
    public String whenToUse() {
        return "Learning distances: pull similar pairs (y = 1) together and push dissimilar ones (y = -1) "
                + "beyond a margin, given their distances.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(MARGIN, Reduction.PARAM);
    }

    @Override
    public Loss create(Params params) {
        requireNonNull(params, "params is null");
        return new HingeEmbeddingLoss(params.real(MARGIN.name()), Reduction.of(params.string(Reduction.PARAM.name())));
    }
}
