package dev.descent.nn;

import dev.descent.api.Layer;
import dev.descent.api.LayerProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import java.util.List;

/** Provides {@code softplus}: {@link Softplus}, as PyTorch's {@code nn.Softplus}. */
public final class SoftplusProvider implements LayerProvider {
    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.real("beta", Softplus.DEFAULT_BETA, "sharpness; the larger, the closer to relu").greaterThan(0),
            ParamSpec.real("threshold", Softplus.DEFAULT_THRESHOLD, "above which beta x the layer is the identity"));

    public SoftplusProvider() {}

    @Override
    public String name() {
        return "softplus";
    }

    @Override
    public String description() {
        return "Softplus log(1 + e^(beta x)) / beta, the identity above a threshold, as PyTorch's nn.Softplus";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public Layer create(Params params) {
        return new Softplus(params.real("beta"), params.real("threshold"));
    }
}
