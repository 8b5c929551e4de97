package dev.descent.nn.merge;

import dev.descent.api.Layer;
import dev.descent.api.LayerProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import java.util.List;

/** Provides {@code stack}: {@link Stack}, as {@code torch.stack}. */
public final class StackProvider implements LayerProvider {
    private static final List<ParamSpec> PARAMS = List.of(ParamSpec.integer("dim", 1,
            "place of the new axis in the output, the batch being axis 0; negative counts from the end"));

    public StackProvider() {}

    @Override
    public String name() {
        return "stack";
    }

    @Override
    public String description() {
        return "Stacks two or more inputs of one shape along a new axis, as torch.stack (a merge layer)";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public Layer create(Params params) {
        return new Stack(params.integer("dim"));
    }
}
