package dev.descent.loss;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Loss;
import dev.descent.api.LossProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import dev.descent.api.Reduction;
import java.util.List;

/** Provides {@link GaussianNllLoss} as {@code gaussian_nll}, with PyTorch's parameters and defaults. */
public final class GaussianNllLossProvider implements LossProvider {
    static final ParamSpec FULL = ParamSpec.bool("full", false, "whether to add the constant 0.5 log(2 pi)");
    static final ParamSpec EPS = ParamSpec.real("eps", 1e-6,
            "the floor of the variance, for stability").atLeast(0);

    @Override
    public String name() {
        return GaussianNllLoss.NAME;
    }

    @Override
    public String description() {
        return "Gaussian negative log-likelihood, 0.5 (log v + (m - t)^2 / v), v = max(var, eps); predictions"
                + " [N, 2, ...] (mean m, variance var on axis 1), targets [N, ...]";
    }

    @Override
    public String whenToUse() {
        return "Regression that also predicts its own uncertainty: the model outputs a mean and a variance per "
                + "target.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(FULL, EPS, Reduction.PARAM);
    }

    @Override
    public Loss create(Params params) {
        requireNonNull(params, "params is null");
        return new GaussianNllLoss(params.bool(FULL.name()), params.real(EPS.name()),
                Reduction.of(params.string(Reduction.PARAM.name())));
    }
}
