package dev.descent.nn;

import dev.descent.api.Layer;
import dev.descent.api.LayerProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import java.util.List;

/** Provides {@code elu}: {@link Elu}, as PyTorch's {@code nn.ELU}. */
public final class EluProvider implements LayerProvider {
    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.real("alpha", Elu.DEFAULT_ALPHA, "the value approached is -alpha as x goes to minus infinity"));

    public EluProvider() {}

    @Override
    public String name() {
        return "elu";
    }

    @Override
    public String description() {
        return "Exponential linear unit: x above 0, alpha (e^x - 1) below (Clevert et al. 2015), as PyTorch's nn.ELU";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public Layer create(Params params) {
        return new Elu(params.real("alpha"));
    }
}
