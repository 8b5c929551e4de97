package dev.descent.nn;

import dev.descent.api.InvalidParameterException;
import dev.descent.api.Layer;
import dev.descent.api.LayerProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import java.util.List;

/** Provides {@code reshape}: {@link Reshape}, as Keras's Reshape. */
public final class ReshapeProvider implements LayerProvider {
    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.integerList("shape", null,
                    "the per-example target shape, without the batch axis; one dimension may be -1, inferred")
                    .atLeast(-1).positional());

    public ReshapeProvider() {}

    @Override
    public String name() {
        return "reshape";
    }

    @Override
    public String description() {
        return "Gives each example a new shape of as many elements (one dimension may be -1), as Keras's Reshape";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public Layer create(Params params) {
        return reshape(params);
    }

    /** The layer, with a shape that does not make sense (two -1) refused as a parameter error. */
    private static Layer reshape(Params params) {
        try {
            return new Reshape(params.integers("shape"));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("shape", e.getMessage());
        }
    }
}
