package dev.descent.nn.io;

import dev.descent.api.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The safetensors format: an 8-byte little-endian header length, a JSON header giving each tensor's dtype,
 * shape and data offsets (and {@code __metadata__}, string to string), then the raw little-endian data.
 * Written to a temporary name and renamed; read as untrusted input.
 */
public final class SafeTensors {
    private SafeTensors() {}

    /** What a file holds: tensors by name (in file order) and the metadata. */
    public record Contents(Map<String, Tensor> tensors, Map<String, String> metadata) {}

    /** Writes {@code tensors} (as F32) and {@code metadata} to {@code file}, atomically. */
    public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) throws IOException {
        throw new UnsupportedOperationException("SafeTensors.write is not written yet");
    }

    /**
     * Reads a file.
     *
     * @throws IOException if it cannot be read, or is not a valid safetensors file (the message says why)
     */
    public static Contents read(Path file) throws IOException {
        throw new UnsupportedOperationException("SafeTensors.read is not written yet");
    }
}
