package dev.descent.app.plugin;

import dev.descent.api.Metric;
import dev.descent.api.Tensor;

/** A plugin's {@link Metric}, each call made directly with the plugin's context class loader. */
final class PluginMetric extends PluginComponent implements Metric {
    private final Metric metric;

    PluginMetric(Metric metric, ClassLoader pluginLoader) {
        super(metric, pluginLoader);
        this.metric = metric;
    }

    @Override
    public String name() {
        ClassLoader previous = enter();
        try {
            return metric.name();
        } finally {
            exit(previous);
        }
    }

    @Override
    public void update(Tensor predictions, Tensor targets) {
        ClassLoader previous = enter();
        try {
            metric.update(predictions, targets);
        } finally {
            exit(previous);
        }
    }

    @Override
    public Tensor compute() {
        ClassLoader previous = enter();
        try {
            return metric.compute();
        } finally {
            exit(previous);
        }
    }

    @Override
    public void reset() {
        ClassLoader previous = enter();
        try {
            metric.reset();
        } finally {
            exit(previous);
        }
    }

    @Override
    public double value() {
        ClassLoader previous = enter();
        try {
            return metric.value();
        } finally {
            exit(previous);
        }
    }
}
