package org.acme.descent.adabelief;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Optimizer;
import dev.descent.api.OptimizerProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import java.util.List;

/** Provides {@code adabelief}: {@link AdaBelief}, with the parameter names and defaults of adabelief-pytorch 0.2.0. */
public final class AdaBeliefProvider implements OptimizerProvider {
    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.real("lr", 1e-3, "learning rate").atLeast(0),
            ParamSpec.realList("betas", List.of(0.9, 0.999),
                    "decay rates of the gradient's moving average and of the belief (its variance around it)")
                    .length(2).atLeast(0).lessThan(1),
            ParamSpec.real("eps", 1e-16, "added to the belief and to the denominator; about Adam's eps squared")
                    .atLeast(0),
            ParamSpec.real("weight_decay", 0.0, "weight decay; how it applies depends on weight_decouple")
                    .atLeast(0),
            ParamSpec.bool("amsgrad", false, "divide by the largest belief seen so far (AMSGrad)"),
            ParamSpec.bool("weight_decouple", true,
                    "decay the weights directly as AdamW (p *= 1 - lr wd) instead of adding wd p to the gradient"),
            ParamSpec.bool("fixed_decay", false, "with weight_decouple, shrink by 1 - wd, independent of lr"));

    public AdaBeliefProvider() {}

    @Override
    public String name() {
        return AdaBelief.NAME;
    }

    @Override
    public String description() {
        return "AdaBelief (Zhuang et al. 2020): Adam with the gradient's variance around its moving average;"
                + " adabelief-pytorch 0.2.0 defaults, rectify off";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public Optimizer create(Params params) {
        requireNonNull(params, "params is null");
        double[] betas = params.reals("betas");
        return AdaBelief.builder()
                .lr(params.real("lr"))
                .betas(betas[0], betas[1])
                .eps(params.real("eps"))
                .weightDecay(params.real("weight_decay"))
                .amsgrad(params.bool("amsgrad"))
                .weightDecouple(params.bool("weight_decouple"))
                .fixedDecay(params.bool("fixed_decay"))
                .build();
    }
}
