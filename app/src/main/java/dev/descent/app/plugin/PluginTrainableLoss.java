package dev.descent.app.plugin;

import dev.descent.api.Loss;
import dev.descent.api.Parameter;
import dev.descent.api.Trainable;
import java.util.List;

/** A plugin's {@link Loss} with weights of its own ({@link Trainable}), such as a learned multi-task weighting. */
final class PluginTrainableLoss extends PluginLoss implements Trainable {
    private final Trainable trainable;

    <T extends Loss & Trainable> PluginTrainableLoss(T loss, ClassLoader pluginLoader) {
        super(loss, pluginLoader);
        this.trainable = loss;
    }

    @Override
    public List<Parameter> parameters() {
        ClassLoader previous = enter();
        try {
            return trainable.parameters();
        } finally {
            exit(previous);
        }
    }
}
