package dev.descent.nn;

import dev.descent.api.Layer;
import dev.descent.api.LayerProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import java.util.List;

/** Provides {@code flatten}: {@link Flatten}, as PyTorch's {@code nn.Flatten}. */
public final class FlattenProvider implements LayerProvider {
    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.integer("start_dim", Flatten.DEFAULT_START_DIM,
                    "first axis to merge, the batch axis counted as PyTorch's; negative from the end"),
            ParamSpec.integer("end_dim", Flatten.DEFAULT_END_DIM,
                    "last axis to merge, the batch axis counted as PyTorch's; negative from the end"));

    public FlattenProvider() {}

    @Override
    public String name() {
        return "flatten";
    }

    @Override
    public String description() {
        return "Merges the axes start_dim to end_dim into one (the batch axis kept), as PyTorch's nn.Flatten";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public Layer create(Params params) {
        return new Flatten(params.integer("start_dim"), params.integer("end_dim"));
    }
}
