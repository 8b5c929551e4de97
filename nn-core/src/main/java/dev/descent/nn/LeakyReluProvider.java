package dev.descent.nn;

import dev.descent.api.Layer;
import dev.descent.api.LayerProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import java.util.List;

/** Provides {@code leaky_relu}: {@link LeakyRelu}, as PyTorch's {@code nn.LeakyReLU}. */
public final class LeakyReluProvider implements LayerProvider {
    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.real("negative_slope", LeakyRelu.DEFAULT_NEGATIVE_SLOPE, "slope of the function below 0"));

    public LeakyReluProvider() {}

    @Override
    public String name() {
        return "leaky_relu";
    }

    @Override
    public String description() {
        return "Leaky rectified linear unit: x above 0, negative_slope x below, as PyTorch's nn.LeakyReLU";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public Layer create(Params params) {
        return new LeakyRelu(params.real("negative_slope"));
    }
}
