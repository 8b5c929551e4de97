package dev.descent.nn;

import dev.descent.api.Layer;
import dev.descent.api.LayerProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import java.util.List;

/** Provides {@code gelu}: {@link Gelu}, as PyTorch's {@code nn.GELU}. */
public final class GeluProvider implements LayerProvider {
    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.choice("approximate", Gelu.NONE, List.of(Gelu.NONE, Gelu.TANH),
                    "none for x Phi(x) with the exact normal distribution function, tanh for its tanh approximation"));

    public GeluProvider() {}

    @Override
    public String name() {
        return "gelu";
    }

    @Override
    public String description() {
        return "Gaussian error linear unit x Phi(x), exact or with the tanh approximation, as PyTorch's nn.GELU";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public Layer create(Params params) {
        return new Gelu(params.string("approximate"));
    }
}
