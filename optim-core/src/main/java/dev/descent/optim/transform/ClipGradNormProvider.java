package dev.descent.optim.transform;

import dev.descent.api.GradientTransform;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import dev.descent.api.TransformProvider;
import java.util.List;

/** Provides {@code clip_grad_norm}: {@link ClipGradNorm}, with the arguments of PyTorch's {@code clip_grad_norm_}. */
public final class ClipGradNormProvider implements TransformProvider {
    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.real("max_norm", null, "the largest global norm of the gradients let through").atLeast(0),
            ParamSpec.real("norm_type", 2.0, "order p of the norm; inf for the largest absolute value")
                    .greaterThan(0),
            ParamSpec.bool("error_if_nonfinite", false,
                    "fail when the total norm is NaN or infinite, rather than scale the gradients by it"));

    public ClipGradNormProvider() {}

    @Override
    public String name() {
        return ClipGradNorm.NAME;
    }

    @Override
    public String description() {
        return "scales all gradients together so that their global norm is at most max_norm"
                + " (torch.nn.utils.clip_grad_norm_)";
    }

    @Override
    public String whenToUse() {
        return "Against exploding gradients (recurrent networks, transformers): it keeps the direction of the"
                + " step and bounds its length. Put it first in a chain, before the optimizer.";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public GradientTransform create(Params params) {
        return new ClipGradNorm(params.real("max_norm"), params.real("norm_type"), params.bool("error_if_nonfinite"));
    }
}
