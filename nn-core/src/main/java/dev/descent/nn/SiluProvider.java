package dev.descent.nn;

import dev.descent.api.Layer;
import dev.descent.api.LayerProvider;
import dev.descent.api.Params;

/** Provides {@code silu}: {@link Silu}, as PyTorch's {@code nn.SiLU}. */
public final class SiluProvider implements LayerProvider {
    public SiluProvider() {}

    @Override
    public String name() {
        return "silu";
    }

    @Override
    public String description() {
        return "Sigmoid-weighted linear unit (swish) x sigmoid(x), element by element, as PyTorch's nn.SiLU";
    }

    @Override
    public Layer create(Params params) {
        return new Silu();
    }
}
