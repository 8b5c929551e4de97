package dev.descent.optim;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Optimizer;
import dev.descent.api.OptimizerProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import java.util.List;

/** Provides {@code rmsprop}: {@link RmsProp}, with PyTorch's parameter names, defaults and valid ranges. */
public final class RmsPropProvider implements OptimizerProvider {
    private static final List<ParamSpec> PARAMS = List.of(
            SharedParams.lr(RmsProp.DEFAULT_LR),
            ParamSpec.real("alpha", 0.99, "decay rate of the running average of the squared gradient").atLeast(0),
            SharedParams.eps(1e-8),
            SharedParams.weightDecay(),
            ParamSpec.real("momentum", 0.0, "momentum factor; 0 turns momentum off").atLeast(0),
            ParamSpec.bool("centered", false,
                    "divide by the gradient's estimated variance (mean square minus squared mean)"),
            SharedParams.maximize());

    public RmsPropProvider() {}

    @Override
    public String name() {
        return RmsProp.NAME;
    }

    @Override
    public String description() {
        return "RMSprop (Hinton 2012): steps divided per element by the root of a running average of the squared"
                + " gradient, optionally centered and with momentum (torch.optim.RMSprop)";
    }

    @Override
    public String whenToUse() {
        return "Non-stationary objectives and recurrent networks, where the gradient's scale drifts; also a"
                + " common choice in reinforcement learning. Unlike adam it has no bias correction, so early"
                + " steps are larger.";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public Optimizer create(Params params) {
        requireNonNull(params, "params is null");
        return SharedParams.common(RmsProp.builder(), params)
                .alpha(params.real("alpha"))
                .momentum(params.real("momentum"))
                .centered(params.bool("centered"))
                .maximize(params.bool("maximize"))
                .build();
    }
}
