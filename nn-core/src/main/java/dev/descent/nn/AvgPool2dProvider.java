package dev.descent.nn;

import dev.descent.api.Layer;
import dev.descent.api.LayerProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import java.util.List;
import java.util.stream.Stream;

/** Provides {@code avg_pool2d}: {@link AvgPool2d}, as PyTorch's {@code nn.AvgPool2d} without ceil_mode and divisor_override. */
public final class AvgPool2dProvider implements LayerProvider {
    private static final List<ParamSpec> PARAMS = Stream.concat(MaxPool2dProvider.windowParams("zeros").stream(),
            Stream.of(ParamSpec.bool("count_include_pad", true, "whether the padding counts in the divisor of the mean")))
            .toList();

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
        return new AvgPool2d(kernel, MaxPool2dProvider.stride(params, kernel), MaxPool2dProvider.checkedPadding(params,
                kernel), params.bool("count_include_pad"));
    }
}
