package dev.descent.nn.train;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Optimizer;
import dev.descent.nn.Model;
import dev.descent.nn.io.ModelFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Saves the model ({@link ModelFiles#save}) and the optimizer's state ({@link ModelFiles#saveState}) into a
 * folder as training goes, so a run can resume or be rolled back:
 * <ul>
 *   <li>every {@code every} epochs, as {@code epoch-0005.safetensors} and {@code epoch-0005.optimizer.safetensors}
 *       (epochs numbered from 1 in file names, as Keras's {@code {epoch}}), keeping the last {@code keepLast}
 *       such pairs and deleting older ones this callback wrote;</li>
 *   <li>with a monitor, whenever its value improves, as {@code best.safetensors} and
 *       {@code best.optimizer.safetensors}.</li>
 * </ul>
 * The metadata of each file holds {@code epoch} (from 1) and every value of that epoch. {@link ModelFiles}
 * writes each file to a temporary name and renames it, so a crash never leaves a half-written checkpoint.
 */
public final class Checkpoint implements Callback {
    /** The file of the best epoch's model. */
    public static final String BEST = "best";
    static final String MODEL_SUFFIX = ".safetensors";
    static final String OPTIMIZER_SUFFIX = ".optimizer.safetensors";

    /** Writes one checkpoint; {@link ModelFiles} unless a test says otherwise. */
    interface Writer {
        void write(Path modelFile, Path optimizerFile, Model model, Optimizer optimizer, Map<String, String> metadata)
                throws IOException;
    }

    private static final Writer MODEL_FILES = (modelFile, optimizerFile, model, optimizer, metadata) -> {
        ModelFiles.save(modelFile, model, metadata);
        ModelFiles.saveState(optimizerFile, optimizer.state(), metadata);
    };

    private final Path folder;
    private final int every;
    private final int keepLast;
    private final Monitor monitor;
    private final Writer writer;
    private final Deque<String> kept = new ArrayDeque<>();
    private double best;

    private Checkpoint(Builder builder, Writer writer) {
        this.folder = builder.folder;
        this.every = builder.every;
        this.keepLast = builder.keepLast;
        this.monitor = builder.monitor;
        this.writer = writer;
    }

    /** A checkpoint into {@code folder}: by default every epoch, keeping the last 1, no best. */
    public static Builder builder(Path folder) {
        return new Builder(requireNonNull(folder, "folder is null"));
    }

    @Override
    public void onTrainBegin(TrainingContext context) {
        best = monitor == null ? Double.NaN : monitor.worst();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("checkpoint: cannot create the folder " + folder + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void onEpochEnd(TrainingContext context, History.Epoch epoch) {
        int number = epoch.epoch() + 1;
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("epoch", Integer.toString(number));
        epoch.values().forEach((key, value) -> metadata.put(key, Double.toString(value)));
        if (every > 0 && number % every == 0) {
            String name = String.format(Locale.ROOT, "epoch-%04d", number);
            write(name, context, metadata);
            kept.addLast(name);
            while (kept.size() > keepLast) {
                delete(kept.removeFirst());
            }
        }
        if (monitor != null) {
            double current = monitor.read(epoch);
            if (monitor.improves(current, best)) {
                best = current;
                write(BEST, context, metadata);
            }
        }
    }

    private void write(String name, TrainingContext context, Map<String, String> metadata) {
        Path modelFile = folder.resolve(name + MODEL_SUFFIX);
        try {
            writer.write(modelFile, folder.resolve(name + OPTIMIZER_SUFFIX), context.model(), context.optimizer(),
                    metadata);
        } catch (IOException e) {
            throw new UncheckedIOException("checkpoint: cannot write " + modelFile + ": " + e.getMessage(), e);
        }
    }

    private void delete(String name) {
        for (String suffix : new String[] {MODEL_SUFFIX, OPTIMIZER_SUFFIX}) {
            Path file = folder.resolve(name + suffix);
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("checkpoint: cannot delete the old checkpoint " + file + ": "
                        + e.getMessage(), e);
            }
        }
    }

    /** The best monitored value saved so far; NaN without a monitor. */
    public double best() {
        return best;
    }

    @Override
    public String toString() {
        return "Checkpoint(" + folder + ", every " + every + " epoch(s), keep last " + keepLast
                + (monitor == null ? "" : ", best by " + monitor) + ")";
    }

    /** The settings of a {@link Checkpoint}. */
    public static final class Builder {
        private final Path folder;
        private int every = 1;
        private int keepLast = 1;
        private Monitor monitor;

        private Builder(Path folder) {
            this.folder = folder;
        }

        /** Saves every {@code epochs} epochs; 0 saves none (only the best). Default 1. */
        public Builder every(int epochs) {
            if (epochs < 0) {
                throw new IllegalArgumentException("checkpoint: every must be >= 0 epochs, got '" + epochs + "'");
            }
            this.every = epochs;
            return this;
        }

        /** Keeps the last {@code count} periodic checkpoints, at least 1; default 1. */
        public Builder keepLast(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("checkpoint: keep last must be at least 1, got '" + count + "'");
            }
            this.keepLast = count;
            return this;
        }

        /** Also saves the best epoch by {@code key} as {@link #BEST}. */
        public Builder best(String key, Monitor.Mode mode) {
            this.monitor = new Monitor(key, mode, 0);
            return this;
        }

        public Checkpoint build() {
            return new Checkpoint(this, MODEL_FILES);
        }

        /** For tests: the checkpoint writing through {@code writer}. */
        Checkpoint build(Writer writer) {
            return new Checkpoint(this, requireNonNull(writer, "writer is null"));
        }
    }
}
