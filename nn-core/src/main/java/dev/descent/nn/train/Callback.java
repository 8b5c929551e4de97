package dev.descent.nn.train;

/**
 * Code the {@link Trainer} calls at fixed points of training, as Keras's {@code Callback}: a callback may
 * change the optimizer's learning rate, save the model, or ask training to stop through the
 * {@link TrainingContext}. Callbacks run in the order they were added; every method does nothing by default.
 *
 * <p>Epochs and batches are counted from 0 within one {@link Trainer#fit}.
 */
public interface Callback {

    /** Before the first epoch, once the model is built. */
    default void onTrainBegin(TrainingContext context) {}

    /** After the last epoch run (also when training stopped early). */
    default void onTrainEnd(TrainingContext context, History history) {}

    /** Before the first batch of {@code epoch}. */
    default void onEpochBegin(TrainingContext context, int epoch) {}

    /** After an epoch, its validation included, with everything measured; already in the history. */
    default void onEpochEnd(TrainingContext context, History.Epoch epoch) {}

    /** Before the optimizer step of {@code batch}. */
    default void onBatchBegin(TrainingContext context, int batch) {}

    /** After the optimizer step of {@code batch}, with the batch's (combined) loss. */
    default void onBatchEnd(TrainingContext context, int batch, double loss) {}
}
