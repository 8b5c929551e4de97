package dev.descent.nn;

import static dev.descent.nn.Conv2dProvider.pair;

import dev.descent.api.Layer;
import dev.descent.api.LayerProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import java.util.List;

/** Provides {@code avg_pool2d}: {@link AvgPool2d}, as PyTorch's {@code nn.AvgPool2d} without ceil_mode and divisor_override. */
public final class AvgPool2dProvider implements LayerProvider {
    private static final List<ParamSpec> PARAMS = List.of(
            pair("kernel_size", null, 1, "window height and width; one integer for a square window"),
            ParamSpec.integerList("stride", null, "step of the window along height and width; kernel_size when"
                    + " left out").length(2).atLeast(1).orSingle().optional(),
            pair("padding", 0, 0, "zeros added on each side of height and width; at most half of kernel_size"),
            ParamSpec.bool("count_include_pad", true, "whether the padding counts in the divisor of the mean"));

    public AvgPool2dProvider() {}

    @Override
    public String name() {
        return "avg_pool2d";
    }

    @Override
    public String description() {
        return "2-d average pooling on [N, C, H, W], as PyTorch's nn.AvgPool2d";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public Layer create(Params params) {
        int[] kernel = params.integers("kernel_size");
        int[] padding = MaxPool2dProvider.checkedPadding(params, kernel);
        return new AvgPool2d(kernel, params.has("stride") ? params.integers("stride") : kernel, padding,
                params.bool("count_include_pad"));
    }
}
