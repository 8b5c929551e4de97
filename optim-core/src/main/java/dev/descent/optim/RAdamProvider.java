package dev.descent.optim;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Optimizer;
import dev.descent.api.OptimizerProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import java.util.List;

/** Provides {@code radam}: {@link RAdam}, with PyTorch's parameter names, defaults and valid ranges. */
public final class RAdamProvider implements OptimizerProvider {
    private static final List<ParamSpec> PARAMS = List.of(
            SharedParams.lr(RAdam.DEFAULT_LR),
            SharedParams.betas(),
            SharedParams.eps(1e-8),
            SharedParams.weightDecay());

    public RAdamProvider() {}

    @Override
    public String name() {
        return RAdam.NAME;
    }

    @Override
    public String description() {
        return "RAdam (Liu et al. 2020): Adam whose adaptive step is rectified by the variance of the second moment"
                + " estimate, plain momentum steps until that estimate settles (torch.optim.RAdam)";
    }

    @Override
    public String whenToUse() {
        return "Instead of adam with a learning-rate warm-up: the rectification damps the early adaptive steps"
                + " by itself. Its first few steps are lr times the gradient, so keep lr small for steep losses.";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public Optimizer create(Params params) {
        requireNonNull(params, "params is null");
        double[] betas = params.reals("betas");
        return SharedParams.common(RAdam.builder(), params)
                .betas(betas[0], betas[1])
                .build();
    }
}
