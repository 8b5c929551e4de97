package dev.descent.nn.data;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Tensor;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Reads the IDX format of unsigned bytes (MNIST's): a big-endian int32 magic number, {@code 0x00000803} for
 * images followed by count, rows and columns, or {@code 0x00000801} for labels followed by the count, then
 * one unsigned byte per value. A gzipped file is recognised by the gzip magic and decompressed.
 *
 * <p>The file is untrusted input: the dimensions it states are limits to check, never sizes to allocate.
 * The data is read in bounded chunks, so a header promising gigabytes on a short stream costs no more
 * memory than the stream delivers. Trailing data is refused inside the (decompressed) IDX content; bytes
 * after the end of a gzip stream that are not another gzip member are ignored, as {@link GZIPInputStream}
 * does.
 */
public final class Idx {
    /** The magic number of a three-dimensional array of unsigned bytes (images: count, rows, columns). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** The magic number of a one-dimensional array of unsigned bytes (labels: count). */
    public static final int LABELS_MAGIC = 0x00000801;

    /** The most values one float array can hold. */
    private static final long MAX_VALUES = Integer.MAX_VALUE - 8;
    /** The first growth step of the byte buffer; it then doubles, never past what the header promises. */
    private static final int CHUNK = 1 << 16;

    private Idx() {}

    /** Reads {@code file} (gzipped or not); errors name the file. */
    public static Tensor read(Path file) throws IOException {
        requireNonNull(file, "file is null");
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /**
     * Reads one IDX array from {@code in} (gzipped or not) to its end, into a float tensor of shape
     * {@code [count, rows, cols]} (images) or {@code [count]} (labels) holding the values 0 to 255. The stream
     * is not closed.
     *
     * @param source what {@code in} reads, named in error messages (a file name, a resource)
     * @throws IOException if the stream fails, or it is not an IDX file of unsigned bytes, its dimensions
     *     are negative or too large, it is shorter than its header says, or data follows the last value
     */
    public static Tensor read(InputStream in, String source) throws IOException {
        requireNonNull(in, "in is null");
        requireNonNull(source, "source is null");
        BufferedInputStream buffered = new BufferedInputStream(in);
        boolean gzipped = isGzip(buffered);
        InputStream data = gzipped ? new GZIPInputStream(buffered) : buffered;
        String what = gzipped ? source + " (gzipped)" : source;

        byte[] head = new byte[4];
        int found = readFully(data, head, 0, 4);
        if (found < 4) {
            throw truncated(what, 4, found, "a magic number of 4 bytes");
        }
        int magic = bigEndian(head, 0);
        int rank;
        if (magic == IMAGES_MAGIC) {
            rank = 3;
        } else if (magic == LABELS_MAGIC) {
            rank = 1;
        } else {
            throw new IOException(what + ": not an IDX file of unsigned bytes: magic number " + hex(magic)
                    + ", expected " + hex(IMAGES_MAGIC) + " (images) or " + hex(LABELS_MAGIC) + " (labels)");
        }
        int headerBytes = 4 + 4 * rank;
        byte[] dims = new byte[4 * rank];
        found = readFully(data, dims, 0, dims.length);
        if (found < dims.length) {
            throw truncated(what, headerBytes, 4 + found, "a header of " + headerBytes + " bytes");
        }
        int[] shape = new int[rank];
        long values = 1;
        for (int axis = 0; axis < rank; axis++) {
            shape[axis] = bigEndian(dims, 4 * axis);
            if (shape[axis] < 0) {
                throw new IOException(what + ": dimension " + axis + " is negative (" + shape[axis] + ") in shape "
                        + describe(dims, rank) + "; each dimension must be 0 or more");
            }
        }
        for (int dim : shape) {
            values *= dim; // each factor < 2^31 and the running product checked below, so no overflow
            if (values > MAX_VALUES) {
                throw new IOException(what + ": shape " + describe(dims, rank) + " holds more than " + MAX_VALUES
                        + " values, more than one array can hold");
            }
        }

        byte[] bytes = readBounded(data, (int) values);
        long total = headerBytes + values;
        if (bytes.length < values) {
            throw truncated(what, total, headerBytes + bytes.length,
                    "a header of " + headerBytes + " bytes and " + describe(dims, rank) + " values");
        }
        if (data.read() != -1) {
            throw new IOException(what + ": trailing data after the " + total + " bytes its header describes ("
                    + "a header of " + headerBytes + " bytes and " + describe(dims, rank) + " values)");
        }
        float[] floats = new float[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            floats[i] = bytes[i] & 0xff;
        }
        return Tensor.of(floats, shape);
    }

    private static boolean isGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b;
    }

    /** Reads up to {@code wanted} bytes, growing the buffer only as the stream delivers them. */
    private static byte[] readBounded(InputStream in, int wanted) throws IOException {
        byte[] buffer = new byte[Math.min(wanted, CHUNK)];
        int filled = 0;
        while (filled < wanted) {
            if (filled == buffer.length) {
                buffer = Arrays.copyOf(buffer, (int) Math.min(wanted, 2L * buffer.length));
            }
            int read = in.read(buffer, filled, buffer.length - filled);
            if (read < 0) {
                return Arrays.copyOf(buffer, filled);
            }
            filled += read;
        }
        return buffer;
    }

    private static int readFully(InputStream in, byte[] into, int from, int length) throws IOException {
        int filled = 0;
        while (filled < length) {
            int read = in.read(into, from + filled, length - filled);
            if (read < 0) {
                break;
            }
            filled += read;
        }
        return filled;
    }

    private static int bigEndian(byte[] bytes, int at) {
        return (bytes[at] & 0xff) << 24 | (bytes[at + 1] & 0xff) << 16 | (bytes[at + 2] & 0xff) << 8
                | (bytes[at + 3] & 0xff);
    }

    /** The dimensions as the header states them, {@code 10000 x 28 x 28}. */
    private static String describe(byte[] dims, int rank) {
        StringBuilder text = new StringBuilder();
        for (int axis = 0; axis < rank; axis++) {
            text.append(axis == 0 ? "" : " x ").append(bigEndian(dims, 4 * axis));
        }
        return text.toString();
    }

    private static IOException truncated(String what, long expected, long found, String holding) {
        return new IOException(what + ": truncated IDX file: expected " + expected + " bytes (" + holding
                + "), found " + found);
    }

    private static String hex(int value) {
        return String.format("0x%08X", value);
    }
}
