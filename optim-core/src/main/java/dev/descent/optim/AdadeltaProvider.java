package dev.descent.optim;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Optimizer;
import dev.descent.api.OptimizerProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import java.util.List;

/** Provides {@code adadelta}: {@link Adadelta}, with PyTorch's parameter names, defaults and valid ranges. */
public final class AdadeltaProvider implements OptimizerProvider {
    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.real("lr", Adadelta.DEFAULT_LR, "learning rate, a factor on Adadelta's own step").atLeast(0),
            ParamSpec.real("rho", 0.9, "decay rate of the running averages of the squared gradient and step")
                    .atLeast(0).atMost(1),
            SharedParams.eps(1e-6),
            SharedParams.weightDecay(),
            SharedParams.maximize());

    public AdadeltaProvider() {}

    @Override
    public String name() {
        return Adadelta.NAME;
    }

    @Override
    public String description() {
        return "Adadelta (Zeiler 2012): steps scaled per element by the ratio of running averages of past squared"
                + " steps and squared gradients (torch.optim.Adadelta)";
    }

    @Override
    public String whenToUse() {
        return "When you would rather not tune a learning rate: the step's scale comes from the ratio of two"
                + " running averages, and lr=1 is the method as published. Early steps are small (about"
                + " sqrt(eps)), so it starts slowly.";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public Optimizer create(Params params) {
        requireNonNull(params, "params is null");
        return SharedParams.common(Adadelta.builder(), params)
                .rho(params.real("rho"))
                .maximize(params.bool("maximize"))
                .build();
    }
}
