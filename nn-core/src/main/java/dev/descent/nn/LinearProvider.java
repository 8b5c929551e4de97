package dev.descent.nn;

import dev.descent.api.Initializer;
import dev.descent.api.Layer;
import dev.descent.api.LayerProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import dev.descent.nn.init.Initializers;
import java.util.List;

/**
 * Provides {@code linear} (alias {@code dense}): {@link Linear}, as PyTorch's {@code nn.Linear}, with Keras's
 * shortcuts: {@code out_features} may be given by position and an {@code activation} follows the affine map,
 * so {@code dense(64, activation=relu)} is Keras's {@code Dense(64, activation='relu')}.
 */
public final class LinearProvider implements LayerProvider {
    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.integer("in_features", null,
                    "length of each input's last axis; inferred from the input shape when left out")
                    .atLeast(1).optional(),
            ParamSpec.integer("out_features", null, "length of each output's last axis; may be given first, by"
                    + " position: dense(64)").atLeast(1).positional(),
            ParamSpec.bool("bias", true, "whether to learn an additive bias"),
            Initializers.param(Initializers.TORCH_DEFAULT),
            ParamSpec.component("activation", Layer.class, null, "a layer applied after the affine map, as Keras's"
                    + " Dense(64, activation='relu'): dense(64, activation=relu); one that keeps the shape and has no"
                    + " parameters").optional());

    public LinearProvider() {}

    @Override
    public String name() {
        return "linear";
    }

    @Override
    public List<String> aliases() {
        return List.of("dense");
    }

    @Override
    public String description() {
        return "Fully connected layer y = x W^T + b over the last axis, as PyTorch's nn.Linear";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public Layer create(Params params) {
        int outFeatures = params.integer("out_features");
        boolean bias = params.bool("bias");
        Initializer init = Initializers.create(params.componentSpec("init"));
        Layer activation = params.has("activation") ? params.component("activation", Layer.class) : null;
        return params.has("in_features")
                ? new Linear(params.integer("in_features"), outFeatures, bias, init, activation)
                : Linear.lazy(outFeatures, bias, init, activation);
    }
}
