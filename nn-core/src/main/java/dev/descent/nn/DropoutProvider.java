package dev.descent.nn;

import dev.descent.api.Layer;
import dev.descent.api.LayerProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import java.util.List;

/** Provides {@code dropout}: {@link Dropout}, as PyTorch's {@code nn.Dropout}. */
public final class DropoutProvider implements LayerProvider {
    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.real("p", Dropout.DEFAULT_P, "probability of dropping an element in training")
                    .atLeast(0).atMost(1));

    public DropoutProvider() {}

    @Override
    public String name() {
        return "dropout";
    }

    @Override
    public String description() {
        return "Inverted dropout: in training each element is dropped with probability p and the rest scaled by"
                + " 1/(1-p), as PyTorch's nn.Dropout";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public Layer create(Params params) {
        return new Dropout(params.real("p"));
    }
}
