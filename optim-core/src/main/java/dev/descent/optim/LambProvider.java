package dev.descent.optim;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Optimizer;
import dev.descent.api.OptimizerProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import java.util.List;

/** Provides {@code lamb}: {@link Lamb}, with optax's parameters and defaults. */
public final class LambProvider implements OptimizerProvider {
    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.real("lr", Lamb.DEFAULT_LR, "learning rate").atLeast(0),
            ParamSpec.realList("betas", List.of(0.9, 0.999),
                    "decay rates of the running averages of the gradient and of its square")
                    .length(2).atLeast(0).lessThan(1),
            ParamSpec.real("eps", 1e-6, "added to the denominator of Adam's direction").atLeast(0),
            ParamSpec.real("weight_decay", 0.0,
                    "decoupled weight decay: weight_decay * parameter is added to the direction before the trust"
                            + " ratio").atLeast(0));

    public LambProvider() {}

    @Override
    public String name() {
        return Lamb.NAME;
    }

    @Override
    public String description() {
        return "LAMB (You et al. 2020): Adam's direction plus weight decay, scaled per parameter tensor by the"
                + " trust ratio ||p|| / ||update||; optax.lamb's rule";
    }

    @Override
    public String whenToUse() {
        return "Training with very large batches (thousands of samples), where Adam needs a long warm-up or"
                + " diverges: the trust ratio keeps each layer's step in proportion to its weights. Scale the"
                + " learning rate with the batch size and use a warm-up schedule.";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public Optimizer create(Params params) {
        requireNonNull(params, "params is null");
        double[] betas = params.reals("betas");
        return Lamb.builder()
                .lr(params.real("lr"))
                .betas(betas[0], betas[1])
                .eps(params.real("eps"))
                .weightDecay(params.real("weight_decay"))
                .build();
    }
}
