package dev.descent.nn.train;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link Trainer#fit} measured, one {@link Epoch} per epoch run, as Keras's {@code History}. Each epoch
 * holds its values under Keras's keys: {@code loss} (the training loss, the mean over the epoch's examples),
 * {@code val_loss}, for a model of several outputs {@code <output>_loss} and {@code val_<output>_loss}, each
 * metric under its key and {@code val_<key>}, and {@code lr}, the learning rate of the epoch's last step.
 */
public final class History {
    /** The training loss. */
    public static final String LOSS = "loss";
    /** Prefixed to a key for its value on the validation data. */
    public static final String VALIDATION_PREFIX = "val_";
    /** The validation loss. */
    public static final String VALIDATION_LOSS = VALIDATION_PREFIX + LOSS;
    /** The learning rate. */
    public static final String LEARNING_RATE = "lr";

    private final List<Epoch> epochs = new ArrayList<>();
    private String stopReason;
    private boolean nonFinite;

    History() {}

    /**
     * One epoch.
     *
     * @param epoch its index in the fit, from 0
     * @param values by key, in the order they were measured
     * @param seconds wall-clock time of the epoch, validation included
     */
    public record Epoch(int epoch, Map<String, Double> values, double seconds) {
        public Epoch {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        /**
         * The value under {@code key}.
         *
         * @throws IllegalArgumentException if there is none, listing the keys there are
         */
        public double value(String key) {
            requireNonNull(key, "key is null");
            Double value = values.get(key);
            if (value == null) {
                throw new IllegalArgumentException("epoch " + epoch + " has no value '" + key + "'; it has "
                        + values.keySet());
            }
            return value;
        }

        /** Whether there is a value under {@code key}. */
        public boolean has(String key) {
            return values.containsKey(key);
        }

        /** The training loss. */
        public double loss() {
            return value(LOSS);
        }

        /** The validation loss, or NaN when there was no validation data. */
        public double validationLoss() {
            return values.getOrDefault(VALIDATION_LOSS, Double.NaN);
        }

        /** The learning rate of the epoch's last step. */
        public double learningRate() {
            return value(LEARNING_RATE);
        }
    }

    void add(Epoch epoch) {
        epochs.add(epoch);
    }

    void stop(String reason, boolean nonFinite) {
        if (stopReason == null) {
            stopReason = reason;
            this.nonFinite = nonFinite;
        }
    }

    /** The epochs run, in order; unmodifiable. */
    public List<Epoch> epochs() {
        return Collections.unmodifiableList(epochs);
    }

    /** The number of epochs run. */
    public int size() {
        return epochs.size();
    }

    /**
     * The last epoch.
     *
     * @throws IllegalStateException if no epoch finished
     */
    public Epoch last() {
        if (epochs.isEmpty()) {
            throw new IllegalStateException("no epoch finished" + (stopReason == null ? "" : ": " + stopReason));
        }
        return epochs.get(epochs.size() - 1);
    }

    /** The value under {@code key} for each epoch, in order, as Keras's {@code history.history[key]}. */
    public double[] series(String key) {
        double[] series = new double[epochs.size()];
        for (int i = 0; i < series.length; i++) {
            series[i] = epochs.get(i).value(key);
        }
        return series;
    }

    /**
     * Why training stopped before its last epoch (early stopping, a value that was not finite, a callback's
     * request); empty when every epoch ran.
     */
    public Optional<String> stopReason() {
        return Optional.ofNullable(stopReason);
    }

    /** Whether training stopped because a loss or a layer's output was NaN or infinite. */
    public boolean stoppedOnNonFinite() {
        return nonFinite;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("History(");
        for (Epoch epoch : epochs) {
            text.append("\n  ").append(epoch.epoch()).append(": ").append(epoch.values());
        }
        if (stopReason != null) {
            text.append("\n  stopped: ").append(stopReason);
        }
        return text.append(')').toString();
    }
}
