package dev.descent.loss;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Loss;
import dev.descent.api.LossProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import dev.descent.api.Reduction;
import java.util.List;

/** Provides {@link SmoothL1Loss} as {@code smooth_l1}, with PyTorch's parameters and defaults. */
public final class SmoothL1LossProvider implements LossProvider {
    static final ParamSpec BETA = ParamSpec.real("beta", 1.0,
            "the error |p - t| at which the loss turns from quadratic to linear; 0 gives the L1 loss").atLeast(0);

    @Override
    public String name() {
        return SmoothL1Loss.NAME;
    }

    @Override
    public String description() {
        return "smooth L1 loss, 0.5 (p - t)^2 / beta where |p - t| < beta, else |p - t| - 0.5 beta;"
                + " predictions and targets of one shape";
    }

    @Override
    public String whenToUse() {
        return "Box regression in object detection (Fast R-CNN) and other regression with outliers: quadratic "
                + "for errors below beta, linear above.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(BETA, Reduction.PARAM);
    }

    @Override
    public Loss create(Params params) {
        requireNonNull(params, "params is null");
        return new SmoothL1Loss(params.real(BETA.name()), Reduction.of(params.string(Reduction.PARAM.name())));
    }
}
