package dev.descent.app.plugin;

import dev.descent.api.Buffer;
import dev.descent.api.Layer;
import dev.descent.api.Parameter;
import dev.descent.api.Pass;
import dev.descent.api.Tensor;
import java.util.List;
import java.util.random.RandomGenerator;

/** A plugin's {@link Layer}, each call made directly with the plugin's context class loader. */
class PluginLayer extends PluginComponent implements Layer {
    private final Layer layer;

    PluginLayer(Layer layer, ClassLoader pluginLoader) {
        super(layer, pluginLoader);
        this.layer = layer;
    }

    @Override
    public final int[] outputShape(int[] inputShape) {
        ClassLoader previous = enter();
        try {
            return layer.outputShape(inputShape);
        } finally {
            exit(previous);
        }
    }

    @Override
    public final void initialize(int[] inputShape, RandomGenerator random) {
        ClassLoader previous = enter();
        try {
            layer.initialize(inputShape, random);
        } finally {
            exit(previous);
        }
    }

    @Override
    public final Tensor forward(Tensor input, Pass pass) {
        ClassLoader previous = enter();
        try {
            return layer.forward(input, pass);
        } finally {
            exit(previous);
        }
    }

    @Override
    public final Tensor backward(Tensor outputGradient, boolean inputGradient) {
        ClassLoader previous = enter();
        try {
            return layer.backward(outputGradient, inputGradient);
        } finally {
            exit(previous);
        }
    }

    @Override
    public final List<Parameter> parameters() {
        ClassLoader previous = enter();
        try {
            return layer.parameters();
        } finally {
            exit(previous);
        }
    }

    @Override
    public final List<Buffer> buffers() {
        ClassLoader previous = enter();
        try {
            return layer.buffers();
        } finally {
            exit(previous);
        }
    }

    @Override
    public final boolean differentiableInput() {
        ClassLoader previous = enter();
        try {
            return layer.differentiableInput();
        } finally {
            exit(previous);
        }
    }
}
