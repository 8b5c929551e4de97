package dev.descent.nn.merge;

import dev.descent.api.Layer;
import dev.descent.api.LayerProvider;
import dev.descent.api.Params;

/** Provides {@code multiply}: {@link Multiply}, the element-wise product of two or more inputs, as Keras's {@code Multiply}. */
public final class MultiplyProvider implements LayerProvider {

    public MultiplyProvider() {}

    @Override
    public String name() {
        return "multiply";
    }

    @Override
    public String description() {
        return "Element-wise product of two or more inputs, broadcasting axes of length 1 as PyTorch (a merge layer)";
    }

    @Override
    public Layer create(Params params) {
        return new Multiply();
    }
}
