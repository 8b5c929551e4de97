package dev.descent.nn;

import static dev.descent.nn.Conv2dProvider.pair;

import dev.descent.api.InvalidParameterException;
import dev.descent.api.Layer;
import dev.descent.api.LayerProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import java.util.List;

/** Provides {@code max_pool2d}: {@link MaxPool2d}, as PyTorch's {@code nn.MaxPool2d} without dilation and ceil_mode. */
public final class MaxPool2dProvider implements LayerProvider {
    private static final List<ParamSpec> PARAMS = windowParams("-inf");

    public MaxPool2dProvider() {}

    @Override
    public String name() {
        return "max_pool2d";
    }

    @Override
    public String description() {
        return "2-d max pooling on [N, C, H, W], as PyTorch's nn.MaxPool2d";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public Layer create(Params params) {
        int[] kernel = params.integers("kernel_size");
        return new MaxPool2d(kernel, stride(params, kernel), checkedPadding(params, kernel));
    }

    /** kernel_size, stride and padding of a pooling layer, whose padding holds {@code padValue}. */
    static List<ParamSpec> windowParams(String padValue) {
        return List.of(
                pair("kernel_size", null, 1, "window height and width; one integer for a square window"),
                ParamSpec.integerList("stride", null, "step of the window along height and width; kernel_size when"
                        + " left out").length(2).atLeast(1).orSingle().optional(),
                pair("padding", 0, 0, padValue + " added on each side of height and width; at most half of"
                        + " kernel_size"));
    }

    /** The stride, kernel_size when left out, as PyTorch's pooling. */
    static int[] stride(Params params, int[] kernel) {
        return params.has("stride") ? params.integers("stride") : kernel;
    }

    /** PyTorch's check of pooling: the padding at most half the kernel, so no window lies in the padding alone. */
    static int[] checkedPadding(Params params, int[] kernel) {
        int[] padding = params.integers("padding");
        if (padding[0] > kernel[0] / 2 || padding[1] > kernel[1] / 2) {
            throw new InvalidParameterException("padding", "parameter 'padding' of " + params.owner()
                    + " must be at most half of kernel_size=[" + kernel[0] + ", " + kernel[1] + "], got ["
                    + padding[0] + ", " + padding[1] + "]");
        }
        return padding;
    }
}
