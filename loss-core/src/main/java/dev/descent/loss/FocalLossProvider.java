package dev.descent.loss;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Loss;
import dev.descent.api.LossProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import dev.descent.api.Reduction;
import java.util.List;

/** Provides {@link FocalLoss} as {@code focal}, with torchvision's parameters and defaults (but the mean). */
public final class FocalLossProvider implements LossProvider {
    static final ParamSpec ALPHA = ParamSpec.real("alpha", 0.25,
            "the weight of the positives in [0, 1] (1 - alpha for the negatives); negative for no weighting")
            .atMost(1);
    static final ParamSpec GAMMA = ParamSpec.real("gamma", 2.0,
            "the focusing power: well-classified elements are scaled by (1 - p_t)^gamma").atLeast(0);

    @Override
    public String name() {
        return FocalLoss.NAME;
    }

    @Override
    public String description() {
        return "sigmoid focal loss (torchvision), alpha_t (1 - p_t)^gamma bce_with_logits(x, t); logits and 0/1"
                + " targets of one shape";
    }

    @Override
    public String whenToUse() {
        return "Dense detection or heavily imbalanced binary labels: gamma down-weights the easy, "
                + "well-classified examples so the rare hard ones drive training.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ALPHA, GAMMA, Reduction.PARAM);
    }

    @Override
    public Loss create(Params params) {
        requireNonNull(params, "params is null");
        return new FocalLoss(params.real(ALPHA.name()), params.real(GAMMA.name()),
                Reduction.of(params.string(Reduction.PARAM.name())));
    }
}
