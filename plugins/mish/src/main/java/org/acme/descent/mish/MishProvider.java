package org.acme.descent.mish;

import dev.descent.api.Layer;
import dev.descent.api.LayerProvider;
import dev.descent.api.Params;

/** Provides {@code mish}: {@link Mish}, as PyTorch's {@code nn.Mish}. */
public final class MishProvider implements LayerProvider {

    public MishProvider() {}

    @Override
    public String name() {
        return Mish.NAME;
    }

    @Override
    public String description() {
        return "Mish activation y = x tanh(softplus(x)) (Misra 2019), element by element, as PyTorch's nn.Mish";
    }

    @Override
    public Layer create(Params params) {
        return new Mish();
    }
}
