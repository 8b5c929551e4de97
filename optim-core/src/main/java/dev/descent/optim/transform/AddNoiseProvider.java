package dev.descent.optim.transform;

import dev.descent.api.GradientTransform;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import dev.descent.api.TransformProvider;
import java.util.List;

/** Provides {@code add_noise}: {@link AddNoise}, with optax's parameter names and defaults. */
public final class AddNoiseProvider implements TransformProvider {
    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.real("eta", 0.01, "variance of the noise at the first step").atLeast(0),
            ParamSpec.real("gamma", 0.55, "decay of the variance: it is eta / (1 + t)^gamma at step t").atLeast(0),
            ParamSpec.integer("seed", 0, "picks the noise; the same seed gives the same noise"));

    public AddNoiseProvider() {}

    @Override
    public String name() {
        return AddNoise.NAME;
    }

    @Override
    public String description() {
        return "adds Gaussian noise of variance eta / (1 + t)^gamma to the gradients at step t (optax.add_noise)";
    }

    @Override
    public String whenToUse() {
        return "For very deep or hard-to-train networks (Neelakantan et al. 2015): the noise helps leave poor"
                + " regions early in training and fades later.";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public GradientTransform create(Params params) {
        return new AddNoise(params.real("eta"), params.real("gamma"), params.integer("seed"));
    }
}
