package dev.descent.app.plugin;

import dev.descent.api.Loss;
import dev.descent.api.Reduction;
import dev.descent.api.Tensor;

/** A plugin's {@link Loss}, each call made directly with the plugin's context class loader. */
class PluginLoss extends PluginComponent implements Loss {
    private final Loss loss;

    PluginLoss(Loss loss, ClassLoader pluginLoader) {
        super(loss, pluginLoader);
        this.loss = loss;
    }

    @Override
    public final String name() {
        ClassLoader previous = enter();
        try {
            return loss.name();
        } finally {
            exit(previous);
        }
    }

    @Override
    public final double compute(Tensor predictions, Tensor targets, Tensor gradient) {
        ClassLoader previous = enter();
        try {
            return loss.compute(predictions, targets, gradient);
        } finally {
            exit(previous);
        }
    }

    @Override
    public final double compute(Tensor predictions, Tensor targets) {
        ClassLoader previous = enter();
        try {
            return loss.compute(predictions, targets);
        } finally {
            exit(previous);
        }
    }

    @Override
    public final Tensor unreduced(Tensor predictions, Tensor targets) {
        ClassLoader previous = enter();
        try {
            return loss.unreduced(predictions, targets);
        } finally {
            exit(previous);
        }
    }

    @Override
    public final Reduction reduction() {
        ClassLoader previous = enter();
        try {
            return loss.reduction();
        } finally {
            exit(previous);
        }
    }
}
