package dev.descent.nn;

import dev.descent.api.Layer;
import dev.descent.api.LayerProvider;
import dev.descent.api.Params;

/** Provides {@code sigmoid}: {@link Sigmoid}, as PyTorch's {@code nn.Sigmoid}. */
public final class SigmoidProvider implements LayerProvider {
    public SigmoidProvider() {}

    @Override
    public String name() {
        return "sigmoid";
    }

    @Override
    public String description() {
        return "Logistic sigmoid 1 / (1 + e^-x), element by element, as PyTorch's nn.Sigmoid";
    }

    @Override
    public Layer create(Params params) {
        return new Sigmoid();
    }
}
