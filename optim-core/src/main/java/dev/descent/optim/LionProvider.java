package dev.descent.optim;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Optimizer;
import dev.descent.api.OptimizerProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import java.util.List;

/** Provides {@code lion}: {@link Lion}, with optax's parameters and lion-pytorch's defaults. */
public final class LionProvider implements OptimizerProvider {
    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.real("lr", Lion.DEFAULT_LR, "learning rate: every element moves by lr each step").atLeast(0),
            ParamSpec.realList("betas", List.of(0.9, 0.99),
                    "weight of the momentum in the update's sign, and the momentum's decay rate")
                    .length(2).atLeast(0).lessThan(1),
            ParamSpec.real("weight_decay", 0.0,
                    "decoupled weight decay: each step multiplies the parameter by 1 - lr * weight_decay").atLeast(0));

    public LionProvider() {}

    @Override
    public String name() {
        return Lion.NAME;
    }

    @Override
    public String description() {
        return "Lion (Chen et al. 2023): steps of size lr along the sign of an interpolation of momentum and"
                + " gradient; optax.lion's rule, weight decay decoupled as in lion-pytorch (p *= 1 - lr * wd)";
    }

    @Override
    public String whenToUse() {
        return "A memory-light alternative to AdamW (one state tensor instead of two) for large vision and"
                + " language models, often at a larger batch size. Take a learning rate 3-10x smaller than"
                + " AdamW's and a weight decay as many times larger.";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public Optimizer create(Params params) {
        requireNonNull(params, "params is null");
        double[] betas = params.reals("betas");
        return Lion.builder()
                .lr(params.real("lr"))
                .betas(betas[0], betas[1])
                .weightDecay(params.real("weight_decay"))
                .build();
    }
}
