package dev.descent.loss;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Loss;
import dev.descent.api.LossProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import dev.descent.api.Reduction;
import java.util.List;

/** Provides {@link CrossEntropyLoss} as {@code cross_entropy}, with PyTorch's parameters and defaults. */
public final class CrossEntropyLossProvider implements LossProvider {
    static final ParamSpec WEIGHT = ParamSpec.realList("weight", null,
            "a weight per class (length C), scaling each position's loss by its target class's weight").optional();
    static final ParamSpec IGNORE_INDEX = ParamSpec.integer("ignore_index", CrossEntropyLoss.DEFAULT_IGNORE_INDEX,
            "a target value whose positions get loss 0 and gradient 0 and count in no mean");
    static final ParamSpec LABEL_SMOOTHING = ParamSpec.real("label_smoothing", 0.0,
            "ε: the targets become (1 - ε) one-hot + ε / C").atLeast(0).atMost(1);

    @Override
    public String name() {
        return CrossEntropyLoss.NAME;
    }

    @Override
    public String description() {
        return "cross-entropy of logits, -log softmax(x)_y per position; logits [N, C] or [N, C, d...], targets class"
                + " indices [N] / [N, d...] or probabilities of the logits' shape";
    }

    @Override
    public String whenToUse() {
        return "Single-label classification with C classes: the model outputs raw logits (no softmax layer) and "
                + "the targets are class indices or class probabilities.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(WEIGHT, IGNORE_INDEX, LABEL_SMOOTHING, Reduction.PARAM);
    }

    @Override
    public Loss create(Params params) {
        requireNonNull(params, "params is null");
        return new CrossEntropyLoss(params.has(WEIGHT.name()) ? params.reals(WEIGHT.name()) : null,
                params.integer(IGNORE_INDEX.name()), params.real(LABEL_SMOOTHING.name()),
                Reduction.of(params.string(Reduction.PARAM.name())));
    }
}
