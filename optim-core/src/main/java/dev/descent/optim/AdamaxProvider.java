package dev.descent.optim;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Optimizer;
import dev.descent.api.OptimizerProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import java.util.List;

/** Provides {@code adamax}: {@link Adamax}, with PyTorch's parameter names, defaults and valid ranges. */
public final class AdamaxProvider implements OptimizerProvider {
    private static final List<ParamSpec> PARAMS = List.of(
            SharedParams.lr(Adamax.DEFAULT_LR),
            ParamSpec.realList("betas", List.of(0.9, 0.999),
                    "decay rates of the running average of the gradient and of its infinity norm")
                    .length(2).atLeast(0).lessThan(1),
            SharedParams.eps(1e-8),
            SharedParams.weightDecay(),
            SharedParams.maximize());

    public AdamaxProvider() {}

    @Override
    public String name() {
        return Adamax.NAME;
    }

    @Override
    public String description() {
        return "Adamax (Kingma and Ba 2015): Adam with the second moment replaced by a decaying maximum of the"
                + " gradient's magnitude (torch.optim.Adamax)";
    }

    @Override
    public String whenToUse() {
        return "An alternative to adam whose step never exceeds about lr per element, since the norm is at least"
                + " the gradient's magnitude; sometimes steadier than adam on embeddings and sparse gradients.";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public Optimizer create(Params params) {
        requireNonNull(params, "params is null");
        double[] betas = params.reals("betas");
        return SharedParams.common(Adamax.builder(), params)
                .betas(betas[0], betas[1])
                .maximize(params.bool("maximize"))
                .build();
    }
}
