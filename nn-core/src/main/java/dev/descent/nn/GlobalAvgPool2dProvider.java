package dev.descent.nn;

import dev.descent.api.Layer;
import dev.descent.api.LayerProvider;
import dev.descent.api.Params;

/** Provides {@code global_avg_pool2d}: {@link GlobalAvgPool2d}, the mean of each channel, [N, C, H, W] to [N, C]. */
public final class GlobalAvgPool2dProvider implements LayerProvider {

    public GlobalAvgPool2dProvider() {}

    @Override
    public String name() {
        return "global_avg_pool2d";
    }

    @Override
    public String description() {
        return "Mean of each channel over height and width, [N, C, H, W] to [N, C], as Keras's GlobalAveragePooling2D";
    }

    @Override
    public Layer create(Params params) {
        return new GlobalAvgPool2d();
    }
}
