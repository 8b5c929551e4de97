package org.acme.descent.adabelief;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Optimizer;
import dev.descent.api.OptimizerProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import java.util.List;

/**
 * Provides {@code gradient_centralization}: {@link GradientCentralization} around the optimizer its
 * {@code inner} spec names, created by the host's registries, e.g.
 * {@code gradient_centralization(inner=sgd(lr=0.1, momentum=0.9))}.
 */
public final class GradientCentralizationProvider implements OptimizerProvider {
    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.component("inner", Optimizer.class, AdaBelief.NAME,
                    "the optimizer that steps with the centred gradients"));

    public GradientCentralizationProvider() {}

    @Override
    public String name() {
        return GradientCentralization.NAME;
    }

    @Override
    public String description() {
        return "gradient centralization (Yong et al. 2020): centres each gradient of rank >= 2 per output slice,"
                + " then steps the inner optimizer";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public Optimizer create(Params params) {
        requireNonNull(params, "params is null");
        return new GradientCentralization(params.component("inner", Optimizer.class));
    }
}
