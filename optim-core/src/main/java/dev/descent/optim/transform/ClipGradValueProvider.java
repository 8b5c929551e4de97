package dev.descent.optim.transform;

import dev.descent.api.GradientTransform;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import dev.descent.api.TransformProvider;
import java.util.List;

/** Provides {@code clip_grad_value}: {@link ClipGradValue}, as PyTorch's {@code clip_grad_value_}. */
public final class ClipGradValueProvider implements TransformProvider {
    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.real("clip_value", null, "the largest absolute value of a gradient element").atLeast(0));

    public ClipGradValueProvider() {}

    @Override
    public String name() {
        return ClipGradValue.NAME;
    }

    @Override
    public String description() {
        return "clamps each gradient element to [-clip_value, clip_value] (torch.nn.utils.clip_grad_value_)";
    }

    @Override
    public String whenToUse() {
        return "When single elements spike; it bends the step's direction, so clip_grad_norm is the usual"
                + " first choice.";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public GradientTransform create(Params params) {
        return new ClipGradValue(params.real("clip_value"));
    }
}
