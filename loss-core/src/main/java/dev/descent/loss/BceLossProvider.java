package dev.descent.loss;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Loss;
import dev.descent.api.LossProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import dev.descent.api.Reduction;
import java.util.List;

/** Provides {@link BceLoss} as {@code bce}, also known as {@code log_loss}, with PyTorch's parameters. */
public final class BceLossProvider implements LossProvider {
    static final ParamSpec WEIGHT = ParamSpec.realList("weight", null,
            "weights of the elements, broadcast over the last axis (one per element of it, or one)").optional();

    @Override
    public String name() {
        return BceLoss.NAME;
    }

    @Override
    public List<String> aliases() {
        return List.of("log_loss");
    }

    @Override
    public String description() {
        return "binary cross-entropy (log loss) of probabilities, -w (t log p + (1 - t) log(1 - p)), logs clamped at"
                + " -100; predictions and targets in [0, 1], same shape";
    }

    @Override
    public String whenToUse() {
        return "Binary or multi-label classification when the model already ends in a sigmoid; prefer "
                + "bce_with_logits, which is stable for large logits.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(WEIGHT, Reduction.PARAM);
    }

    @Override
    public Loss create(Params params) {
        requireNonNull(params, "params is null");
        return new BceLoss(params.has(WEIGHT.name()) ? params.reals(WEIGHT.name()) : null,
                Reduction.of(params.string(Reduction.PARAM.name())));
    }
}
