package dev.descent.app.plugin;

import dev.descent.api.MergeLayer;
import dev.descent.api.Pass;
import dev.descent.api.Tensor;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A plugin's {@link MergeLayer}: the several-input methods here, the single-input ones from
 * {@link PluginLayer}, which reach the plugin's own (its overrides or {@link MergeLayer}'s defaults).
 */
final class PluginMergeLayer extends PluginLayer implements MergeLayer {
    private final MergeLayer layer;

    PluginMergeLayer(MergeLayer layer, ClassLoader pluginLoader) {
        super(layer, pluginLoader);
        this.layer = layer;
    }

    @Override
    public int[] outputShape(List<int[]> inputShapes) {
        ClassLoader previous = enter();
        try {
            return layer.outputShape(inputShapes);
        } finally {
            exit(previous);
        }
    }

    @Override
    public void initialize(List<int[]> inputShapes, RandomGenerator random) {
        ClassLoader previous = enter();
        try {
            layer.initialize(inputShapes, random);
        } finally {
            exit(previous);
        }
    }

    @Override
    public Tensor forward(List<Tensor> inputs, Pass pass) {
        ClassLoader previous = enter();
        try {
            return layer.forward(inputs, pass);
        } finally {
            exit(previous);
        }
    }

    @Override
    public List<Tensor> backward(Tensor outputGradient) {
        ClassLoader previous = enter();
        try {
            return layer.backward(outputGradient);
        } finally {
            exit(previous);
        }
    }
}
