package dev.descent.optim.transform;

import dev.descent.api.GradientTransform;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import dev.descent.api.TransformProvider;
import java.util.List;

/** Provides {@code accumulate}: {@link Accumulate}, gradient accumulation over several batches. */
public final class AccumulateProvider implements TransformProvider {
    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.integer("steps", null, "batches per optimizer step; the step uses the mean of their gradients")
                    .atLeast(1));

    public AccumulateProvider() {}

    @Override
    public String name() {
        return Accumulate.NAME;
    }

    @Override
    public String description() {
        return "gradient accumulation: one optimizer step every `steps` batches, on the mean of their gradients";
    }

    @Override
    public String whenToUse() {
        return "When the batch you want does not fit in memory: steps batches of size B act as one of size"
                + " steps * B. Put transforms meant for the whole batch (clip_grad_norm) after it.";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public GradientTransform create(Params params) {
        return new Accumulate(params.integer("steps"));
    }
}
