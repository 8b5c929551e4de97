package dev.descent.loss;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Loss;
import dev.descent.api.LossProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import java.util.List;

/** Provides {@link KlDivLoss} as {@code kl_div}, with PyTorch's parameters, defaults and four reductions. */
public final class KlDivLossProvider implements LossProvider {
    static final ParamSpec LOG_TARGET = ParamSpec.bool("log_target", false,
            "whether the targets are log-probabilities rather than probabilities");
    /** PyTorch's reductions of kl_div: the usual three and batchmean. */
    static final ParamSpec REDUCTION = ParamSpec.choice("reduction", "mean", KlDivLoss.REDUCTIONS,
            "mean, sum, none (the values themselves), or batchmean: the sum over N, the true KL divergence per"
                    + " sample, which PyTorch recommends");

    @Override
    public String name() {
        return KlDivLoss.NAME;
    }

    @Override
    public String description() {
        return "Kullback-Leibler divergence, t (log t - x) per element (exp(t) (t - x) with log_target); predictions"
                + " log-probabilities and targets of one shape, e.g. [N, C]";
    }

    @Override
    public String whenToUse() {
        return "Matching a predicted distribution to a target distribution, as in knowledge distillation; use "
                + "reduction=batchmean for the true divergence per sample.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(LOG_TARGET, REDUCTION);
    }

    @Override
    public Loss create(Params params) {
        requireNonNull(params, "params is null");
        return new KlDivLoss(params.bool(LOG_TARGET.name()),
                KlDivLoss.KlReduction.of(params.string(REDUCTION.name())));
    }
}
