package dev.descent.nn;

import dev.descent.api.Layer;
import dev.descent.api.LayerProvider;
import dev.descent.api.Params;

/** Provides {@code tanh}: {@link Tanh}, as PyTorch's {@code nn.Tanh}. */
public final class TanhProvider implements LayerProvider {
    public TanhProvider() {}

    @Override
    public String name() {
        return "tanh";
    }

    @Override
    public String description() {
        return "Hyperbolic tangent, element by element, as PyTorch's nn.Tanh";
    }

    @Override
    public Layer create(Params params) {
        return new Tanh();
    }
}
