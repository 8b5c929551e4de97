package dev.descent.optim;

import dev.descent.api.Optimizer;
import dev.descent.api.OptimizerProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import java.util.List;

/** Provides {@code sgd}: {@link Sgd}, with PyTorch's parameter names, defaults and valid ranges. */
public final class SgdProvider implements OptimizerProvider {
    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.real("lr", Sgd.DEFAULT_LR, "learning rate").atLeast(0),
            ParamSpec.real("momentum", 0.0, "momentum factor; 0 turns momentum off").atLeast(0),
            ParamSpec.real("dampening", 0.0,
                    "dampening for momentum: new gradients enter the buffer scaled by 1 - dampening"),
            ParamSpec.bool("nesterov", false, "Nesterov momentum; needs momentum > 0 and dampening 0"),
            ParamSpec.real("weight_decay", 0.0, "L2 penalty: weight_decay * parameter is added to the gradient")
                    .atLeast(0),
            ParamSpec.bool("maximize", false, "maximize the objective instead of minimizing it"));

    public SgdProvider() {}

    @Override
    public String name() {
        return Sgd.NAME;
    }

    @Override
    public String description() {
        return "stochastic gradient descent with optional momentum, Nesterov momentum and weight decay"
                + " (torch.optim.SGD)";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public Optimizer create(Params params) {
        return Sgd.builder()
                .lr(params.real("lr"))
                .momentum(params.real("momentum"))
                .dampening(params.real("dampening"))
                .nesterov(params.bool("nesterov"))
                .weightDecay(params.real("weight_decay"))
                .maximize(params.bool("maximize"))
                .build();
    }
}
