package dev.descent.loss;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Loss;
import dev.descent.api.LossProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import dev.descent.api.Reduction;
import java.util.List;

/** Provides {@link PoissonNllLoss} as {@code poisson_nll}, with PyTorch's parameters and defaults. */
public final class PoissonNllLossProvider implements LossProvider {
    static final ParamSpec LOG_INPUT = ParamSpec.bool("log_input", true,
            "whether predictions are log-rates (loss exp(p) - t p) or rates (loss p - t log(p + eps))");
    static final ParamSpec FULL = ParamSpec.bool("full", false,
            "whether to add Stirling's approximation of log(t!), t log t - t + 0.5 log(2 pi t), where t > 1");
    static final ParamSpec EPS = ParamSpec.real("eps", 1e-8,
            "added to a rate before its logarithm when log_input is false").atLeast(0);

    @Override
    public String name() {
        return PoissonNllLoss.NAME;
    }

    @Override
    public String description() {
        return "Poisson negative log-likelihood, exp(p) - t p for log-rates p (p - t log(p + eps) for rates);"
                + " counts t >= 0 of the predictions' shape";
    }

    @Override
    public String whenToUse() {
        return "Count targets (events per interval, clicks, sales) with a model predicting the log-rate (or the "
                + "rate with log_input=false).";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(LOG_INPUT, FULL, EPS, Reduction.PARAM);
    }

    @Override
    public Loss create(Params params) {
        requireNonNull(params, "params is null");
        return new PoissonNllLoss(params.bool(LOG_INPUT.name()), params.bool(FULL.name()), params.real(EPS.name()),
                Reduction.of(params.string(Reduction.PARAM.name())));
    }
}
