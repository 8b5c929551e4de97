package dev.descent.loss;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Loss;
import dev.descent.api.LossProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import dev.descent.api.Reduction;
import java.util.List;

/** Provides {@link MultiMarginLoss} as {@code multi_margin}, with PyTorch's parameters and defaults. */
public final class MultiMarginLossProvider implements LossProvider {
    static final ParamSpec P = ParamSpec.integer("p", 1, "the power of each margin violation, 1 or 2")
            .atLeast(1).atMost(2);
    static final ParamSpec MARGIN = ParamSpec.real("margin", 1.0,
            "how far the true class's score must exceed each other score to cost nothing");
    static final ParamSpec WEIGHT = ParamSpec.realList("weight", null,
            "a weight per class (length C), scaling the loss of the samples of that class").optional();

    @Override
    public String name() {
        return MultiMarginLoss.NAME;
    }

    @Override
    public String description() {
        return "multi-class margin loss, sum_{i != y} w_y max(0, margin - x_y + x_i)^p / C per sample; scores"
                + " [N, C], targets [N] of class indices";
    }

    @Override
    public String whenToUse() {
        return "Multi-class SVM (Weston-Watkins style, PyTorch's MultiMarginLoss) on raw scores with "
                + "class-index targets.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(P, MARGIN, WEIGHT, Reduction.PARAM);
    }

    @Override
    public Loss create(Params params) {
        requireNonNull(params, "params is null");
        return new MultiMarginLoss(params.integer(P.name()), params.real(MARGIN.name()),
                params.has(WEIGHT.name()) ? params.reals(WEIGHT.name()) : null,
                Reduction.of(params.string(Reduction.PARAM.name())));
    }
}
