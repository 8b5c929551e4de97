package dev.descent.loss;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Loss;
import dev.descent.api.LossProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import dev.descent.api.Reduction;
import java.util.List;

/** Provides {@link CosineEmbeddingLoss} as {@code cosine_embedding}, with PyTorch's parameters and defaults. */
public final class CosineEmbeddingLossProvider implements LossProvider {
    static final ParamSpec MARGIN = ParamSpec.real("margin", 0.0,
            "the cosine below which a dissimilar pair costs nothing; 0 to 0.5 suggested").atLeast(-1).atMost(1);

    @Override
    public String name() {
        return CosineEmbeddingLoss.NAME;
    }

    @Override
    public String description() {
        return "cosine embedding loss, 1 - cos(x1, x2) if y = 1, max(0, cos(x1, x2) - margin) if y = -1;"
                + " predictions [N, 2, D]: x1, x2 stacked on axis 1; targets [N] of ±1";
    }

    @Override
    public String whenToUse() {
        return "Learning embeddings where similar pairs point the same way (cosine 1) and dissimilar ones are "
                + "below a cosine margin.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(MARGIN, Reduction.PARAM);
    }

    @Override
    public Loss create(Params params) {
        requireNonNull(params, "params is null");
        return new CosineEmbeddingLoss(params.real(MARGIN.name()), Reduction.of(params.string(Reduction.PARAM.name())));
    }
}
