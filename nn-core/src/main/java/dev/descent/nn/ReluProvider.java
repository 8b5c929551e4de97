package dev.descent.nn;

import dev.descent.api.Layer;
import dev.descent.api.LayerProvider;
import dev.descent.api.Params;

/** Provides {@code relu}: {@link Relu}, as PyTorch's {@code nn.ReLU}. */
public final class ReluProvider implements LayerProvider {

    public ReluProvider() {}

    @Override
    public String name() {
        return "relu";
    }

    @Override
    public String description() {
        return "Rectified linear unit y = max(0, x), element by element, as PyTorch's nn.ReLU";
    }

    @Override
    public Layer create(Params params) {
        return new Relu();
    }
}
