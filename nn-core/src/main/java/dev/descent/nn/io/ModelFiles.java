package dev.descent.nn.io;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Buffer;
import dev.descent.api.Parameter;
import dev.descent.api.State;
import dev.descent.api.Tensor;
import dev.descent.nn.Model;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model's parameters and buffers, and an optimizer's state, as safetensors files.
 *
 * <p>A model file holds every parameter, then every buffer, under its qualified name ({@code 0.weight},
 * {@code 1.running_mean}), with {@value #MODEL_KEY} (the model as its layers' specs) and {@value #VERSION_KEY}
 * (the Descent that wrote it) in the metadata beside the caller's entries.
 * A state file holds a {@link State}'s tensors under their keys and its numbers in the metadata, as
 * {@value #NUMBER_PREFIX}{@code key} → {@link Double#toString(double)}, which reads back to the same double
 * (a NaN reads back as the canonical NaN).
 */
public final class ModelFiles {
    /** The metadata prefix of a {@link State}'s numbers in a state file. */
    public static final String NUMBER_PREFIX = "number:";
    /** The metadata key of the model's description, its {@code toString()}: its layers as specs. */
    public static final String MODEL_KEY = "model";
    /** The metadata key of the version of Descent that wrote the file. */
    public static final String VERSION_KEY = "descent_version";
    /** This build's version, {@code unknown} when the classes do not come from a built jar or folder. */
    public static final String DESCENT_VERSION = readVersion();

    private ModelFiles() {}

    private static String readVersion() {
        java.util.Properties properties = new java.util.Properties();
        try (java.io.InputStream in = ModelFiles.class.getResourceAsStream("/dev/descent/nn/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        String version = properties.getProperty("version", "unknown");
        return version.startsWith("${") ? "unknown" : version;
    }

    /**
     * Saves every parameter and buffer of a built model under its qualified name, with the model's
     * description ({@value #MODEL_KEY}), Descent's version ({@value #VERSION_KEY}) and {@code metadata} (whose
     * entries win over those two).
     *
     * @throws IllegalArgumentException if the model is not built, or two of its tensors share a name
     */
    public static void save(Path file, Model model, Map<String, String> metadata) throws IOException {
        requireNonNull(file, "file is null");
        requireNonNull(metadata, "metadata is null");
        Map<String, String> all = new LinkedHashMap<>();
        all.put(MODEL_KEY, model.toString());
        all.put(VERSION_KEY, DESCENT_VERSION);
        all.putAll(metadata);
        SafeTensors.write(file, tensorsOf(model), all);
    }

    /**
     * Loads parameters and buffers into a built model, refusing (naming the tensor) a file whose names or
     * shapes do not fit it; returns the file's metadata. Nothing in the model changes unless every tensor
     * fits.
     *
     * @throws IOException if the file cannot be read, is not a valid safetensors file, lacks a tensor the
     *     model has, holds one the model does not have, or holds one of another shape
     * @throws IllegalArgumentException if the model is not built
     */
    public static Map<String, String> load(Path file, Model model) throws IOException {
        requireNonNull(file, "file is null");
        Map<String, Tensor> targets = tensorsOf(model);
        SafeTensors.Contents contents = SafeTensors.read(file);
        Map<String, Tensor> found = contents.tensors();
        for (Map.Entry<String, Tensor> target : targets.entrySet()) {
            Tensor source = found.get(target.getKey());
            int[] expected = target.getValue().shapeView();
            if (source == null) {
                throw new IOException(file + ": has no tensor '" + target.getKey() + "' (shape "
                        + Arrays.toString(expected) + "), which the model needs");
            }
            if (!source.hasShape(expected)) {
                throw new IOException(file + ": tensor '" + target.getKey() + "' has shape "
                        + Arrays.toString(source.shapeView()) + ", the model expects " + Arrays.toString(expected));
            }
        }
        for (String name : found.keySet()) {
            if (!targets.containsKey(name)) {
                throw new IOException(file + ": tensor '" + name + "' is not in the model, which holds "
                        + targets.keySet());
            }
        }
        for (Map.Entry<String, Tensor> target : targets.entrySet()) {
            target.getValue().copyFrom(found.get(target.getKey()));
        }
        return contents.metadata();
    }

    /** The parameters, then the buffers, by qualified name: the model's own tensors, not copies. */
    private static Map<String, Tensor> tensorsOf(Model model) {
        requireNonNull(model, "model is null");
        if (!model.isBuilt()) {
            throw new IllegalArgumentException("the model is not built yet: build it before saving or loading it");
        }
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Parameter parameter : model.parameters()) {
            put(tensors, parameter.name(), parameter.value());
        }
        for (Buffer buffer : model.buffers()) {
            put(tensors, buffer.name(), buffer.value());
        }
        return tensors;
    }

    private static void put(Map<String, Tensor> tensors, String name, Tensor tensor) {
        if (tensors.putIfAbsent(name, tensor) != null) {
            throw new IllegalArgumentException("the model holds two tensors named '" + name
                    + "'; parameter and buffer names must be unique");
        }
    }

    /**
     * Saves a {@link State} (an optimizer's, a schedule's): its tensors, and its numbers in the metadata.
     *
     * @throws IllegalArgumentException if a key of {@code metadata} starts with {@value #NUMBER_PREFIX}
     */
    public static void saveState(Path file, State state, Map<String, String> metadata) throws IOException {
        requireNonNull(file, "file is null");
        requireNonNull(state, "state is null");
        requireNonNull(metadata, "metadata is null");
        Map<String, String> all = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : metadata.entrySet()) {
            if (entry.getKey().startsWith(NUMBER_PREFIX)) {
                throw new IllegalArgumentException("metadata key '" + entry.getKey() + "' starts with '"
                        + NUMBER_PREFIX + "', which a state file keeps for the state's numbers");
            }
            all.put(entry.getKey(), entry.getValue());
        }
        state.numbers().forEach((key, number) -> all.put(NUMBER_PREFIX + key, Double.toString(number)));
        SafeTensors.write(file, state.tensors(), all);
    }

    /**
     * Reads a {@link State} saved with {@link #saveState}: the file's tensors, and the metadata under
     * {@value #NUMBER_PREFIX} as numbers; other metadata is not part of the state and is left out.
     *
     * @throws IOException if the file cannot be read, is not valid, or a number does not parse
     */
    public static State loadState(Path file) throws IOException {
        requireNonNull(file, "file is null");
        SafeTensors.Contents contents = SafeTensors.read(file);
        State.Builder state = State.builder();
        contents.tensors().forEach(state::put);
        for (Map.Entry<String, String> entry : contents.metadata().entrySet()) {
            if (entry.getKey().startsWith(NUMBER_PREFIX)) {
                String key = entry.getKey().substring(NUMBER_PREFIX.length());
                state.put(key, number(entry.getValue(), key, file));
            }
        }
        return state.build();
    }

    /** Reads what {@link Double#toString(double)} writes, and nothing looser (no hex, no "d" suffix). */
    private static double number(String text, String key, Path file) throws IOException {
        if (!text.matches("NaN|-?Infinity|-?[0-9]+\\.[0-9]+(E-?[0-9]+)?")) {
            throw new IOException(file + ": state number '" + key + "' is '" + text
                    + "', expected a number as Double.toString writes it (1.0E-3, -0.0, NaN, Infinity)");
        }
        return Double.parseDouble(text);
    }
}
