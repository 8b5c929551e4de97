package dev.descent.nn.train;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Buffer;
import dev.descent.api.Parameter;
import dev.descent.api.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Stops training when a monitored value has stopped improving, as Keras's {@code EarlyStopping}: after each
 * epoch the value is compared with the best so far ({@link Monitor}); an improvement resets the count of
 * epochs without one, and when that count reaches {@code patience} (from the second epoch on) training stops.
 * With {@code restoreBest}, the model's parameters and buffers are set back to those of the best epoch when
 * it stops (as Keras, only when it stops early).
 */
public final class EarlyStopping implements Callback {
    private final Monitor monitor;
    private final int patience;
    private final boolean restoreBest;

    private double best;
    private int bestEpoch;
    private int wait;
    private int stoppedEpoch = -1;
    /** Copies of every parameter and buffer value at the best epoch; made on the first improvement. */
    private List<Tensor> bestState;

    /**
     * @param monitor the key watched, e.g. {@code val_loss}
     * @param mode whether it should fall or rise, or read from the key
     * @param patience epochs without improvement after which training stops, {@code >= 0}
     * @param minDelta the least change that counts as an improvement, {@code >= 0}
     * @param restoreBest whether to restore the best epoch's weights when stopping
     */
    public EarlyStopping(String monitor, Monitor.Mode mode, int patience, double minDelta, boolean restoreBest) {
        this.monitor = new Monitor(monitor, mode, minDelta);
        if (patience < 0) {
            throw new IllegalArgumentException("early stopping: patience must be >= 0, got '" + patience + "'");
        }
        this.patience = patience;
        this.restoreBest = restoreBest;
    }

    /** Keras's defaults but patience: {@code val_loss}, auto mode, min_delta 0, no restoring. */
    public EarlyStopping(int patience) {
        this(History.VALIDATION_LOSS, Monitor.Mode.AUTO, patience, 0, false);
    }

    @Override
    public void onTrainBegin(TrainingContext context) {
        best = monitor.worst();
        bestEpoch = -1;
        wait = 0;
        stoppedEpoch = -1;
        bestState = null;
    }

    @Override
    public void onEpochEnd(TrainingContext context, History.Epoch epoch) {
        double current = monitor.read(epoch);
        wait++;
        if (monitor.improves(current, best)) {
            best = current;
            bestEpoch = epoch.epoch();
            wait = 0;
            if (restoreBest) {
                keep(context);
            }
        }
        if (wait >= patience && epoch.epoch() > 0) {
            stoppedEpoch = epoch.epoch();
            boolean restored = restoreBest && bestState != null;
            if (restored) {
                restore(context);
            }
            context.stop("early stopping: " + monitor.key() + " did not improve on " + best + " (epoch "
                    + (bestEpoch + 1) + ") for " + wait + " epoch(s)" + (restored
                            ? "; the weights of epoch " + (bestEpoch + 1) + " were restored" : ""));
        }
    }

    private void keep(TrainingContext context) {
        List<Tensor> values = state(context);
        if (bestState == null) {
            bestState = new ArrayList<>(values.size());
            for (Tensor value : values) {
                bestState.add(value.copy());
            }
        } else {
            for (int i = 0; i < values.size(); i++) {
                bestState.get(i).copyFrom(values.get(i));
            }
        }
    }

    private void restore(TrainingContext context) {
        List<Tensor> values = state(context);
        for (int i = 0; i < values.size(); i++) {
            values.get(i).copyFrom(bestState.get(i));
        }
    }

    private static List<Tensor> state(TrainingContext context) {
        List<Tensor> values = new ArrayList<>();
        for (Parameter parameter : context.model().parameters()) {
            values.add(parameter.value());
        }
        for (Buffer buffer : context.model().buffers()) {
            values.add(buffer.value());
        }
        return values;
    }

    /** The best value seen. */
    public double best() {
        return best;
    }

    /** The epoch (from 0) of the best value, or -1 before one. */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** The epoch (from 0) at which training was stopped, or -1 if it was not. */
    public int stoppedEpoch() {
        return stoppedEpoch;
    }

    @Override
    public String toString() {
        return "EarlyStopping(" + requireNonNull(monitor) + ", patience " + patience + ", restore best "
                + restoreBest + ")";
    }
}
