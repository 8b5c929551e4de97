package dev.descent.nn;

import dev.descent.api.Layer;
import dev.descent.api.LayerProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import java.util.List;

/**
 * Provides {@code batch_norm}: {@link BatchNorm}, as PyTorch's {@code nn.BatchNorm1d} (rank 2 or 3) and
 * {@code nn.BatchNorm2d} (rank 4), the number of channels taken from the input.
 */
public final class BatchNormProvider implements LayerProvider {
    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.integer("num_features", null, "the number of channels C; inferred from the input when left"
                    + " out").atLeast(1).optional(),
            ParamSpec.real("momentum", 0.1, "weight of the batch's statistics in the running ones").atLeast(0)
                    .atMost(1),
            ParamSpec.real("eps", 1e-5, "added to the variance before its square root").greaterThan(0),
            ParamSpec.bool("affine", true, "whether to learn a per-channel weight and bias"),
            ParamSpec.bool("track_running_stats", true,
                    "whether to keep running statistics, used in evaluation instead of the batch's"));

    public BatchNormProvider() {}

    @Override
    public String name() {
        return "batch_norm";
    }

    @Override
    public String description() {
        return "Batch normalisation over the channel axis of [N, C], [N, C, L] or [N, C, H, W], as PyTorch's"
                + " nn.BatchNorm1d and nn.BatchNorm2d";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public Layer create(Params params) {
        BatchNorm layer = new BatchNorm(params.real("momentum"), params.real("eps"), params.bool("affine"),
                params.bool("track_running_stats"));
        if (params.has("num_features")) {
            layer.expectChannels(params.integer("num_features"));
        }
        return layer;
    }
}
