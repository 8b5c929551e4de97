package dev.descent.nn.merge;

import dev.descent.api.Layer;
import dev.descent.api.LayerProvider;
import dev.descent.api.Params;

/** Provides {@code dot}: {@link Dot}, the row-wise dot product of two inputs over their last axis. */
public final class DotProvider implements LayerProvider {

    public DotProvider() {}

    @Override
    public String name() {
        return "dot";
    }

    @Override
    public String description() {
        return "Row-wise dot product of two inputs, (a * b).sum(-1) with broadcasting as PyTorch (a merge layer)";
    }

    @Override
    public Layer create(Params params) {
        return new Dot();
    }
}
