package dev.descent.nn;

import dev.descent.api.Layer;
import dev.descent.api.LayerProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import dev.descent.nn.init.Initializers;
import java.util.List;

/** Provides {@code embedding}: {@link Embedding}, as PyTorch's {@code nn.Embedding}, indices given as floats. */
public final class EmbeddingProvider implements LayerProvider {
    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.integer("num_embeddings", null, "number of rows: indices lie in [0, num_embeddings)")
                    .atLeast(1),
            ParamSpec.integer("embedding_dim", null, "length of each row").atLeast(1),
            ParamSpec.integer("padding_idx", null, "a row kept at zero and never trained; negative counts from"
                    + " the end").optional(),
            Initializers.param("normal"));

    public EmbeddingProvider() {}

    @Override
    public String name() {
        return "embedding";
    }

    @Override
    public String description() {
        return "Lookup table mapping indices [N, ...] to rows [N, ..., embedding_dim], as PyTorch's nn.Embedding";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public Layer create(Params params) {
        return new Embedding(params.integer("num_embeddings"), params.integer("embedding_dim"),
                params.has("padding_idx") ? params.integer("padding_idx") : null,
                Initializers.create(params.componentSpec("init")));
    }
}
