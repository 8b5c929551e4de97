package dev.descent.app.plugin;

import dev.descent.api.GradientTransform;
import dev.descent.api.Parameter;
import dev.descent.api.State;
import java.util.List;

/** A plugin's {@link GradientTransform}, each call made directly with the plugin's context class loader. */
final class PluginTransform extends PluginComponent implements GradientTransform {
    private final GradientTransform transform;

    PluginTransform(GradientTransform transform, ClassLoader pluginLoader) {
        super(transform, pluginLoader);
        this.transform = transform;
    }

    @Override
    public boolean beforeStep(List<Parameter> parameters) {
        ClassLoader previous = enter();
        try {
            return transform.beforeStep(parameters);
        } finally {
            exit(previous);
        }
    }

    @Override
    public void afterStep(List<Parameter> parameters) {
        ClassLoader previous = enter();
        try {
            transform.afterStep(parameters);
        } finally {
            exit(previous);
        }
    }

    @Override
    public State state() {
        ClassLoader previous = enter();
        try {
            return transform.state();
        } finally {
            exit(previous);
        }
    }

    @Override
    public void loadState(State state) {
        ClassLoader previous = enter();
        try {
            transform.loadState(state);
        } finally {
            exit(previous);
        }
    }
}
