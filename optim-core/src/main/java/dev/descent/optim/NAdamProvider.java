package dev.descent.optim;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Optimizer;
import dev.descent.api.OptimizerProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import java.util.List;

/** Provides {@code nadam}: {@link NAdam}, with PyTorch's parameter names, defaults and valid ranges. */
public final class NAdamProvider implements OptimizerProvider {
    private static final List<ParamSpec> PARAMS = List.of(
            SharedParams.lr(NAdam.DEFAULT_LR),
            SharedParams.betas(),
            SharedParams.eps(1e-8),
            SharedParams.weightDecay(),
            ParamSpec.real("momentum_decay", NAdam.DEFAULT_MOMENTUM_DECAY,
                    "how fast the momentum coefficient beta1 * (1 - 0.5 * 0.96^(k * momentum_decay)) rises")
                    .atLeast(0));

    public NAdamProvider() {}

    @Override
    public String name() {
        return NAdam.NAME;
    }

    @Override
    public String description() {
        return "NAdam (Dozat 2016): Adam with Nesterov momentum, looking one step ahead along the running average"
                + " of the gradient (torch.optim.NAdam)";
    }

    @Override
    public String whenToUse() {
        return "Where adam works but converges slowly: the Nesterov look-ahead often gives faster progress early"
                + " on, at the same cost and with the same tuning.";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public Optimizer create(Params params) {
        requireNonNull(params, "params is null");
        double[] betas = params.reals("betas");
        return SharedParams.common(NAdam.builder(), params)
                .betas(betas[0], betas[1])
                .momentumDecay(params.real("momentum_decay"))
                .build();
    }
}
