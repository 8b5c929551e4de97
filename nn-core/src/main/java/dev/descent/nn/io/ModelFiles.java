package dev.descent.nn.io;

import dev.descent.api.State;
import dev.descent.nn.Model;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** A model's parameters and buffers, and an optimizer's state, as safetensors files. */
public final class ModelFiles {
    private ModelFiles() {}

    /** Saves every parameter and buffer of a built model under its qualified name, with {@code metadata}. */
    public static void save(Path file, Model model, Map<String, String> metadata) throws IOException {
        throw new UnsupportedOperationException("ModelFiles.save is not written yet");
    }

    /**
     * Loads parameters and buffers into a built model, refusing (naming the tensor) a file whose names or
     * shapes do not fit it; returns the file's metadata.
     */
    public static Map<String, String> load(Path file, Model model) throws IOException {
        throw new UnsupportedOperationException("ModelFiles.load is not written yet");
    }

    /** Saves a {@link State} (an optimizer's, a schedule's): its tensors, and its numbers in the metadata. */
    public static void saveState(Path file, State state, Map<String, String> metadata) throws IOException {
        throw new UnsupportedOperationException("ModelFiles.saveState is not written yet");
    }

    /** Reads a {@link State} saved with {@link #saveState}. */
    public static State loadState(Path file) throws IOException {
        throw new UnsupportedOperationException("ModelFiles.loadState is not written yet");
    }
}
