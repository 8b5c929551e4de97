package dev.descent.nn.merge;

import dev.descent.api.Layer;
import dev.descent.api.LayerProvider;
import dev.descent.api.Params;

/** Provides {@code add}: {@link Add}, the element-wise sum of two or more inputs, as Keras's {@code Add}. */
public final class AddProvider implements LayerProvider {

    public AddProvider() {}

    @Override
    public String name() {
        return "add";
    }

    @Override
    public String description() {
        return "Element-wise sum of two or more inputs, broadcasting axes of length 1 as PyTorch (a merge layer)";
    }

    @Override
    public Layer create(Params params) {
        return new Add();
    }
}
