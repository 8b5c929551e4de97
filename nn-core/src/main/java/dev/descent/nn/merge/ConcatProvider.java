package dev.descent.nn.merge;

import dev.descent.api.Layer;
import dev.descent.api.LayerProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import java.util.List;

/** Provides {@code concat} (alias {@code concatenate}): {@link Concat}, as {@code torch.cat} and Keras's {@code Concatenate}. */
public final class ConcatProvider implements LayerProvider {
    private static final List<ParamSpec> PARAMS = List.of(ParamSpec.integer("dim", -1,
            "axis to join along, the batch being axis 0; negative counts from the end (-1, the last, as Keras)"));

    public ConcatProvider() {}

    @Override
    public String name() {
        return "concat";
    }

    @Override
    public List<String> aliases() {
        return List.of("concatenate");
    }

    @Override
    public String description() {
        return "Joins two or more inputs along an existing axis, as torch.cat (a merge layer)";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public Layer create(Params params) {
        return new Concat(params.integer("dim"));
    }
}
