package dev.descent.optim.transform;

import dev.descent.api.GradientTransform;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import dev.descent.api.TransformProvider;
import java.util.List;

/** Provides {@code ema}: {@link Ema}, an exponential moving average of the parameters. */
public final class EmaProvider implements TransformProvider {
    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.real("decay", 0.999, "weight of the past average at each step").atLeast(0).atMost(1));

    public EmaProvider() {}

    @Override
    public String name() {
        return Ema.NAME;
    }

    @Override
    public String description() {
        return "keeps an exponential moving average of the parameters for evaluation"
                + " (torch.optim.swa_utils.AveragedModel with an EMA avg_fn)";
    }

    @Override
    public String whenToUse() {
        return "When the averaged weights evaluate better than the last ones, as they often do late in"
                + " training (image models, GANs); it changes neither gradients nor parameters.";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public GradientTransform create(Params params) {
        return new Ema(params.real("decay"));
    }
}
