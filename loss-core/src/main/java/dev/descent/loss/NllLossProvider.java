package dev.descent.loss;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Loss;
import dev.descent.api.LossProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import dev.descent.api.Reduction;
import java.util.List;

/** Provides {@link NllLoss} as {@code nll}, with PyTorch's parameters and defaults. */
public final class NllLossProvider implements LossProvider {

    @Override
    public String name() {
        return NllLoss.NAME;
    }

    @Override
    public String description() {
        return "negative log-likelihood, -w_y x_y per position; log-probabilities [N, C] or [N, C, d...], targets"
                + " class indices [N] / [N, d...]";
    }

    @Override
    public String whenToUse() {
        return "Single-label classification when the model already ends in log_softmax; cross_entropy is nll of "
                + "log_softmax in one stable step.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(CrossEntropyLossProvider.WEIGHT, CrossEntropyLossProvider.IGNORE_INDEX, Reduction.PARAM);
    }

    @Override
    public Loss create(Params params) {
        requireNonNull(params, "params is null");
        String weight = CrossEntropyLossProvider.WEIGHT.name();
        return new NllLoss(params.has(weight) ? params.reals(weight) : null,
                params.integer(CrossEntropyLossProvider.IGNORE_INDEX.name()),
                Reduction.of(params.string(Reduction.PARAM.name())));
    }
}
