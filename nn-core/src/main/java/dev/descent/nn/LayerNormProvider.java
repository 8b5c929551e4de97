package dev.descent.nn;

import dev.descent.api.Layer;
import dev.descent.api.LayerProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import java.util.List;

/** Provides {@code layer_norm}: {@link LayerNorm}, as PyTorch's {@code nn.LayerNorm}, normalized_shape inferred. */
public final class LayerNormProvider implements LayerProvider {
    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.real("eps", 1e-5, "added to the variance before its square root").greaterThan(0),
            ParamSpec.bool("elementwise_affine", true, "whether to learn a weight and bias of normalized_shape"),
            ParamSpec.integer("dims", 1, "how many trailing axes of each example are normalised together (their"
                    + " shape is PyTorch's normalized_shape)").atLeast(1));

    public LayerNormProvider() {}

    @Override
    public String name() {
        return "layer_norm";
    }

    @Override
    public String description() {
        return "Layer normalisation over the trailing axes of each example, as PyTorch's nn.LayerNorm";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public Layer create(Params params) {
        return new LayerNorm(params.real("eps"), params.bool("elementwise_affine"), params.integer("dims"));
    }
}
