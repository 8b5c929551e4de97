package dev.descent.nn;

import dev.descent.api.Layer;
import dev.descent.api.LayerProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import java.util.List;

/** Provides {@code softmax}: {@link Softmax}, as PyTorch's {@code nn.Softmax}. */
public final class SoftmaxProvider implements LayerProvider {
    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.integer("dim", Softmax.DEFAULT_DIM,
                    "the axis to normalise, the batch axis counted as PyTorch's (1 is the first axis of an example);"
                            + " negative from the end"));

    public SoftmaxProvider() {}

    @Override
    public String name() {
        return "softmax";
    }

    @Override
    public String description() {
        return "Softmax along one axis of each example (numerically stable), as PyTorch's nn.Softmax";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public Layer create(Params params) {
        return Softmax.softmax(params.integer("dim"));
    }
}
