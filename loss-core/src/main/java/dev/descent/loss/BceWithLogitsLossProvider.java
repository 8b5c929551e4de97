package dev.descent.loss;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Loss;
import dev.descent.api.LossProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import dev.descent.api.Reduction;
import java.util.List;

/** Provides {@link BceWithLogitsLoss} as {@code bce_with_logits}, with PyTorch's parameters. */
public final class BceWithLogitsLossProvider implements LossProvider {
    static final ParamSpec POS_WEIGHT = ParamSpec.realList("pos_weight", null,
            "weights of the positive term, broadcast over the last axis (one per class, or one)").optional();

    @Override
    public String name() {
        return BceWithLogitsLoss.NAME;
    }

    @Override
    public String description() {
        return "binary cross-entropy of logits, w ((1 - t) x + (1 + (pos_weight - 1) t) softplus(-x)), stable for"
                + " any x; logits and targets of one shape";
    }

    @Override
    public String whenToUse() {
        return "Binary and multi-label classification (each output an independent yes/no) on raw logits; "
                + "pos_weight rebalances rare positives.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(BceLossProvider.WEIGHT, POS_WEIGHT, Reduction.PARAM);
    }

    @Override
    public Loss create(Params params) {
        requireNonNull(params, "params is null");
        String weight = BceLossProvider.WEIGHT.name();
        return new BceWithLogitsLoss(params.has(weight) ? params.reals(weight) : null,
                params.has(POS_WEIGHT.name()) ? params.reals(POS_WEIGHT.name()) : null,
                Reduction.of(params.string(Reduction.PARAM.name())));
    }
}
