package dev.descent.nn.train;

/**
 * Observes training without acting on it: a progress bar or a logger. Listeners are called after the
 * callbacks at the same point; every method does nothing by default. Epochs and batches count from 0.
 */
public interface TrainingListener {

    /** Before the first epoch. */
    default void trainingStarted(int epochs, int batchesPerEpoch) {}

    /** Before the first batch of an epoch. */
    default void epochStarted(int epoch, int epochs) {}

    /** After each batch's optimizer step, with the batch's (combined) loss. */
    default void batchEnded(int epoch, int batch, int batches, double loss) {}

    /** After an epoch, with everything measured. */
    default void epochEnded(History.Epoch epoch) {}

    /** After the last epoch run; {@link History#stopReason()} says if it stopped early. */
    default void trainingEnded(History history) {}
}
