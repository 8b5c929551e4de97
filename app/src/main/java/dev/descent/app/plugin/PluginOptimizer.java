package dev.descent.app.plugin;

import dev.descent.api.Optimizer;
import dev.descent.api.Parameter;
import dev.descent.api.State;
import java.util.List;

/** A plugin's {@link Optimizer}, each call made directly with the plugin's context class loader. */
final class PluginOptimizer extends PluginComponent implements Optimizer {
    private final Optimizer optimizer;

    PluginOptimizer(Optimizer optimizer, ClassLoader pluginLoader) {
        super(optimizer, pluginLoader);
        this.optimizer = optimizer;
    }

    @Override
    public void step(List<Parameter> parameters) {
        ClassLoader previous = enter();
        try {
            optimizer.step(parameters);
        } finally {
            exit(previous);
        }
    }

    @Override
    public double learningRate() {
        ClassLoader previous = enter();
        try {
            return optimizer.learningRate();
        } finally {
            exit(previous);
        }
    }

    @Override
    public void setLearningRate(double learningRate) {
        ClassLoader previous = enter();
        try {
            optimizer.setLearningRate(learningRate);
        } finally {
            exit(previous);
        }
    }

    @Override
    public State state() {
        ClassLoader previous = enter();
        try {
            return optimizer.state();
        } finally {
            exit(previous);
        }
    }

    @Override
    public void loadState(State state) {
        ClassLoader previous = enter();
        try {
            optimizer.loadState(state);
        } finally {
            exit(previous);
        }
    }
}
