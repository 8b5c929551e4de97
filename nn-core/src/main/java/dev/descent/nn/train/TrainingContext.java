package dev.descent.nn.train;

import dev.descent.api.Optimizer;
import dev.descent.nn.Model;

/** What a {@link Callback} sees of a running {@link Trainer#fit} and may act on. */
public interface TrainingContext {

    /** The model being trained, built. */
    Model model();

    /** The optimizer; a callback may change its learning rate. */
    Optimizer optimizer();

    /** The epoch running (or just finished), from 0. */
    int epoch();

    /** The number of epochs asked for. */
    int epochs();

    /** The number of batches in a training epoch. */
    int batchesPerEpoch();

    /** The optimizer steps taken so far in this fit; the index of the next step. */
    long step();

    /** Whether the fit has validation data, so {@code val_} values are measured. */
    boolean hasValidation();

    /** The epochs finished so far. */
    History history();

    /** Asks training to stop after the current batch (or epoch, called at an epoch's end), saying why. */
    void stop(String reason);

    /** Whether a stop was asked for. */
    boolean stopRequested();
}
