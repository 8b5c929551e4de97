package dev.descent.optim;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Optimizer;
import dev.descent.api.OptimizerProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import java.util.List;

/**
 * Provides {@code lookahead}: {@link Lookahead} around the optimizer its {@code inner} spec names, created by
 * the host, e.g. {@code lookahead(k=5, alpha=0.5, inner=adam(lr=0.001))}, the paper's defaults.
 */
public final class LookaheadProvider implements OptimizerProvider {
    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.integer("k", 5, "inner steps between synchronisations of the slow weights").atLeast(1),
            ParamSpec.real("alpha", 0.5, "how far the slow weights move towards the fast ones at each synchronisation")
                    .atLeast(0).atMost(1),
            ParamSpec.component("inner", Optimizer.class, "adam(lr=0.001)",
                    "the optimizer of the fast weights; the learning rate is its"));

    public LookaheadProvider() {}

    @Override
    public String name() {
        return Lookahead.NAME;
    }

    @Override
    public String description() {
        return "Lookahead (Zhang et al. 2019): every k steps of an inner optimizer, slow weights move alpha of"
                + " the way towards the fast ones, which restart from there; the paper's Algorithm 1";
    }

    @Override
    public String whenToUse() {
        return "Around sgd or adam when training is noisy or sensitive to the learning rate: it damps the"
                + " oscillations of the inner optimizer at little cost (one copy of the weights).";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public Optimizer create(Params params) {
        requireNonNull(params, "params is null");
        return new Lookahead(params.component("inner", Optimizer.class), params.integer("k"), params.real("alpha"));
    }
}
