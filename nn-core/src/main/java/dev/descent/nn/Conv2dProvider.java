package dev.descent.nn;

import dev.descent.api.InvalidParameterException;
import dev.descent.api.Layer;
import dev.descent.api.LayerProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import dev.descent.nn.init.Initializers;
import java.util.List;

/** Provides {@code conv2d}: {@link Conv2d}, as PyTorch's {@code nn.Conv2d} with in_channels inferred. */
public final class Conv2dProvider implements LayerProvider {
    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.integer("out_channels", null, "number of output channels (filters)").atLeast(1),
            pair("kernel_size", null, 1, "window height and width; one integer for a square window"),
            pair("stride", 1, 1, "step of the window along height and width"),
            pair("padding", 0, 0, "zeros added on each side of height and width"),
            pair("dilation", 1, 1, "spacing between the window's taps along height and width"),
            ParamSpec.integer("groups", 1, "number of blocked connections from input to output channels;"
                    + " in_channels for a depthwise convolution").atLeast(1),
            ParamSpec.bool("bias", true, "whether to learn an additive bias per output channel"),
            Initializers.param(Initializers.TORCH_DEFAULT));

    public Conv2dProvider() {}

    /** An [height, width] parameter that one integer may give for both, as PyTorch's {@code _pair}. */
    static ParamSpec pair(String name, Integer defaultValue, int least, String doc) {
        return ParamSpec.integerList(name, defaultValue == null ? null : List.of(defaultValue, defaultValue), doc)
                .length(2).atLeast(least).orSingle();
    }

    @Override
    public String name() {
        return "conv2d";
    }

    @Override
    public String description() {
        return "2-d convolution on [N, C, H, W] with in_channels inferred, as PyTorch's nn.Conv2d";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public Layer create(Params params) {
        int outChannels = params.integer("out_channels");
        int groups = params.integer("groups");
        if (outChannels % groups != 0) {
            throw new InvalidParameterException("groups", "parameter 'groups' of " + params.owner()
                    + " must divide out_channels=" + outChannels + ", got " + groups);
        }
        return new Conv2d(outChannels, params.integers("kernel_size"), params.integers("stride"),
                params.integers("padding"), params.integers("dilation"), groups, params.bool("bias"),
                Initializers.create(params.componentSpec("init")));
    }
}
