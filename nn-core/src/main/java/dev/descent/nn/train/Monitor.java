package dev.descent.nn.train;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Set;

/**
 * A value of the {@link History} watched for improvement, as Keras's early stopping and checkpoints watch
 * one: its key ({@code val_loss}), whether lower or higher is better, and the least change that counts.
 * {@code current} improves on {@code best} when {@code current < best - minDelta} (min) or
 * {@code current > best + minDelta} (max); NaN never improves.
 */
public final class Monitor {

    /** Whether the value should fall or rise; {@code AUTO} reads it from the key, as Keras. */
    public enum Mode {
        MIN,
        MAX,
        /** Max for accuracy-like metrics (accuracy, auc, f1, precision, recall, r2, ndcg, hit rate), else min. */
        AUTO
    }

    private static final Set<String> HIGHER_IS_BETTER = Set.of("accuracy", "acc", "top_k_accuracy", "roc_auc",
            "auc", "f1", "precision", "recall", "r2", "ndcg", "hit_rate");

    private final String key;
    private final boolean maximize;
    private final double minDelta;

    /**
     * @throws IllegalArgumentException if the key is blank or minDelta is negative or NaN
     */
    public Monitor(String key, Mode mode, double minDelta) {
        this.key = requireNonNull(key, "key is null");
        requireNonNull(mode, "mode is null");
        if (key.isBlank()) {
            throw new IllegalArgumentException("monitor: the key must not be blank; e.g. 'val_loss'");
        }
        if (!(minDelta >= 0)) {
            throw new IllegalArgumentException("monitor " + key + ": min_delta must be >= 0, got '" + minDelta + "'");
        }
        this.maximize = mode == Mode.MAX || (mode == Mode.AUTO && higherIsBetter(key));
        this.minDelta = minDelta;
    }

    private static boolean higherIsBetter(String key) {
        String name = key.toLowerCase(Locale.ROOT);
        if (name.startsWith(History.VALIDATION_PREFIX)) {
            name = name.substring(History.VALIDATION_PREFIX.length());
        }
        for (String metric : HIGHER_IS_BETTER) {
            if (name.equals(metric) || name.endsWith("_" + metric)) {
                return true;
            }
        }
        return false;
    }

    public String key() {
        return key;
    }

    /** Whether higher is better. */
    public boolean maximize() {
        return maximize;
    }

    /** The value no real value is worse than: +inf (min) or -inf (max). */
    public double worst() {
        return maximize ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    /** Whether {@code current} improves on {@code best} by more than min_delta. */
    public boolean improves(double current, double best) {
        return maximize ? current - minDelta > best : current + minDelta < best;
    }

    /**
     * The monitored value of an epoch.
     *
     * @throws IllegalArgumentException if the epoch has none, listing the keys it has
     */
    public double read(History.Epoch epoch) {
        if (!epoch.has(key)) {
            throw new IllegalArgumentException("monitor '" + key + "' is not measured; the epoch has "
                    + epoch.values().keySet() + (key.startsWith(History.VALIDATION_PREFIX)
                            ? " (val_ values need validation data or a validation split)" : ""));
        }
        return epoch.value(key);
    }

    @Override
    public String toString() {
        return key + (maximize ? " (max)" : " (min)") + (minDelta > 0 ? ", min_delta " + minDelta : "");
    }
}
