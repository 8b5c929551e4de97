package dev.descent.loss;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Loss;
import dev.descent.api.LossProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import dev.descent.api.Reduction;
import java.util.List;

/** Provides {@link MultilabelSoftMarginLoss} as {@code multilabel_soft_margin}, with PyTorch's parameters. */
public final class MultilabelSoftMarginLossProvider implements LossProvider {
    static final ParamSpec WEIGHT = ParamSpec.realList("weight", null,
            "a weight per label (length C), scaling that label's term").optional();

    @Override
    public String name() {
        return MultilabelSoftMarginLoss.NAME;
    }

    @Override
    public String description() {
        return "multi-label soft margin, the per-sample mean over labels of -(y log sigmoid(x) + (1 - y) log"
                + " sigmoid(-x)); logits [N, C], targets [N, C] of 0 or 1";
    }

    @Override
    public String whenToUse() {
        return "Multi-label classification with 0/1 targets on logits; the same as bce_with_logits averaged per "
                + "sample over the labels.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(WEIGHT, Reduction.PARAM);
    }

    @Override
    public Loss create(Params params) {
        requireNonNull(params, "params is null");
        return new MultilabelSoftMarginLoss(params.has(WEIGHT.name()) ? params.reals(WEIGHT.name()) : null,
                Reduction.of(params.string(Reduction.PARAM.name())));
    }
}
