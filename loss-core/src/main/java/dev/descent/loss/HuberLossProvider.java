package dev.descent.loss;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Loss;
import dev.descent.api.LossProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import dev.descent.api.Reduction;
import java.util.List;

/** Provides {@link HuberLoss} as {@code huber}, with PyTorch's parameters and defaults. */
public final class HuberLossProvider implements LossProvider {
    static final ParamSpec DELTA = ParamSpec.real("delta", 1.0,
            "the error |p - t| at which the loss turns from quadratic to linear, and the slope beyond it")
            .greaterThan(0);

    @Override
    public String name() {
        return HuberLoss.NAME;
    }

    @Override
    public String description() {
        return "Huber loss, 0.5 (p - t)^2 where |p - t| < delta, else delta (|p - t| - 0.5 delta);"
                + " predictions and targets of one shape";
    }

    @Override
    public String whenToUse() {
        return "Regression with outliers, with the threshold delta in the targets' units (huber = delta · "
                + "smooth_l1 with beta = delta); the usual robust choice.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(DELTA, Reduction.PARAM);
    }

    @Override
    public Loss create(Params params) {
        requireNonNull(params, "params is null");
        return new HuberLoss(params.real(DELTA.name()), Reduction.of(params.string(Reduction.PARAM.name())));
    }
}
