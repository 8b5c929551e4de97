package dev.descent.nn.io;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The safetensors format: an 8-byte little-endian header length, a JSON header giving each tensor's dtype,
 * shape and data offsets (and {@code __metadata__}, string to string), then the raw little-endian data.
 * Written to a temporary name and renamed; read as untrusted input.
 *
 * <p>Reading checks, before reading a byte of tensor data: the header length against the file and against
 * {@link #MAX_HEADER_BYTES}; the header as strict JSON (no duplicate keys, bounded nesting); every tensor's
 * dtype, shape and offsets (inside the data, {@code end >= begin}, {@code end - begin} = elements x dtype
 * size); and that the ranges neither overlap nor leave gaps and cover the data exactly, as the reference
 * implementation requires. Unlike the reference, a field other than dtype, shape and data_offsets in a
 * tensor's entry is refused, not ignored: it may change what the bytes mean. F32 is read as is; F16, BF16
 * and F64 are widened or narrowed to float (F64 loses precision); any other dtype is refused. Every failure is an {@link IOException} whose one-line message
 * names the file and, where there is one, the tensor.
 */
public final class SafeTensors {
    /** The largest header read or written: 100 MB, the reference implementation's cap. */
    public static final long MAX_HEADER_BYTES = 100_000_000L;

    static final String METADATA_KEY = "__metadata__";
    private static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;
    /** Bytes moved per read or write, so that no buffer grows with the tensor. */
    private static final int CHUNK = 1 << 16;

    private SafeTensors() {}

    /** What a file holds: tensors by name (in file order) and the metadata. */
    public record Contents(Map<String, Tensor> tensors, Map<String, String> metadata) {}

    /** The dtypes read, with their size in bytes. */
    private enum Dtype {
        F32(4), F16(2), BF16(2), F64(8);

        final int bytes;

        Dtype(int bytes) {
            this.bytes = bytes;
        }
    }

    /** The dtypes the reference defines that Descent does not read. */
    private static final List<String> REFUSED_DTYPES =
            List.of("BOOL", "U8", "I8", "F8_E5M2", "F8_E4M3", "I16", "U16", "I32", "U32", "I64", "U64");

    /** A called-back step of {@link #write}, so a test can make writing fail half way. */
    @FunctionalInterface
    interface WriteStep {
        void run(Path temporary) throws IOException;
    }

    /**
     * Writes {@code tensors} (as F32, in the map's order) and {@code metadata} to {@code file}, atomically:
     * to a temporary file in the same folder, then renamed over {@code file}, so that a failed write leaves
     * any old file as it was.
     *
     * @throws IllegalArgumentException if a tensor is named {@code __metadata__}, or the header would be
     *     larger than {@link #MAX_HEADER_BYTES}
     */
    public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) throws IOException {
        write(file, tensors, metadata, temporary -> {});
    }

    static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata, WriteStep beforeRename)
            throws IOException {
        requireNonNull(file, "file is null");
        requireNonNull(tensors, "tensors is null");
        requireNonNull(metadata, "metadata is null");
        List<Map.Entry<String, Tensor>> entries = new ArrayList<>(tensors.size());
        for (Map.Entry<String, Tensor> entry : tensors.entrySet()) {
            requireNonNull(entry.getKey(), "a tensor name is null");
            requireNonNull(entry.getValue(), "tensor '" + entry.getKey() + "' is null");
            if (entry.getKey().equals(METADATA_KEY)) {
                throw new IllegalArgumentException("a tensor may not be named '" + METADATA_KEY
                        + "', the key safetensors keeps for the metadata");
            }
            entries.add(Map.entry(entry.getKey(), entry.getValue()));
        }
        for (Map.Entry<String, String> entry : metadata.entrySet()) {
            requireNonNull(entry.getKey(), "a metadata key is null");
            requireNonNull(entry.getValue(), "the value of metadata '" + entry.getKey() + "' is null");
        }
        byte[] header = header(entries, metadata);
        if (header.length > MAX_HEADER_BYTES) {
            throw new IllegalArgumentException("the header would take " + header.length + " bytes, above the "
                    + MAX_HEADER_BYTES + " a reader accepts; " + entries.size() + " tensors and " + metadata.size()
                    + " metadata entries are too many");
        }

        Path absolute = file.toAbsolutePath();
        Path folder = absolute.getParent();
        // Not Files.createTempFile, whose owner-only permissions the renamed file would keep.
        Path temporary = folder.resolve("." + absolute.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
        try {
            try (channel) {
                ByteBuffer buffer = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
                buffer.putLong(header.length);
                writeAll(channel, buffer.flip());
                writeAll(channel, ByteBuffer.wrap(header));
                buffer.clear();
                for (Map.Entry<String, Tensor> entry : entries) {
                    Tensor tensor = entry.getValue();
                    float[] values = tensor.array();
                    for (int i = tensor.offset(), end = tensor.offset() + tensor.size(); i < end; i++) {
                        if (!buffer.hasRemaining()) {
                            writeAll(channel, buffer.flip());
                            buffer.clear();
                        }
                        buffer.putFloat(values[i]); // floatToRawIntBits: NaN payloads kept
                    }
                }
                writeAll(channel, buffer.flip());
                channel.force(true);
            }
            beforeRename.run(temporary);
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private static void writeAll(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** The JSON header, {@code __metadata__} first, padded with spaces to a multiple of 8 bytes. */
    private static byte[] header(List<Map.Entry<String, Tensor>> entries, Map<String, String> metadata) {
        StringBuilder json = new StringBuilder("{");
        if (!metadata.isEmpty()) {
            appendString(json, METADATA_KEY).append(":{");
            boolean first = true;
            for (Map.Entry<String, String> entry : metadata.entrySet()) {
                json.append(first ? "" : ",");
                appendString(json, entry.getKey()).append(':');
                appendString(json, entry.getValue());
                first = false;
            }
            json.append('}');
        }
        long offset = 0;
        for (Map.Entry<String, Tensor> entry : entries) {
            json.append(json.length() == 1 ? "" : ",");
            appendString(json, entry.getKey()).append(":{\"dtype\":\"F32\",\"shape\":[");
            int[] shape = entry.getValue().shapeView();
            for (int axis = 0; axis < shape.length; axis++) {
                json.append(axis == 0 ? "" : ",").append(shape[axis]);
            }
            long end = offset + 4L * entry.getValue().size();
            json.append("],\"data_offsets\":[").append(offset).append(',').append(end).append("]}");
            offset = end;
        }
        json.append('}');
        byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (bytes.length + 7) / 8 * 8;
        byte[] header = Arrays.copyOf(bytes, padded);
        Arrays.fill(header, bytes.length, padded, (byte) ' ');
        return header;
    }

    private static StringBuilder appendString(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }

    /** One tensor's entry in the header, checked. */
    private record Entry(String name, Dtype dtype, int[] shape, long begin, long end) {}

    /**
     * Reads a file.
     *
     * @throws IOException if it cannot be read, or is not a valid safetensors file (the message says why)
     */
    public static Contents read(Path file) throws IOException {
        requireNonNull(file, "file is null");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long fileSize = channel.size();
            if (fileSize < 8) {
                throw new IOException(file + ": not a safetensors file: " + fileSize
                        + " bytes, fewer than the 8 that give the header length");
            }
            ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, lengthBytes, 0, file);
            long headerLength = lengthBytes.flip().getLong(); // unsigned: above 2^63 reads as negative
            if (headerLength < 0 || headerLength > fileSize - 8) {
                throw new IOException(file + ": header length " + Long.toUnsignedString(headerLength)
                        + " is beyond the end of the file (" + fileSize + " bytes, so at most " + (fileSize - 8)
                        + ")");
            }
            if (headerLength > MAX_HEADER_BYTES) {
                throw new IOException(file + ": header length " + headerLength + " is above the limit of "
                        + MAX_HEADER_BYTES + " bytes");
            }
            ByteBuffer headerBytes = ByteBuffer.allocate((int) headerLength);
            readFully(channel, headerBytes, 8, file);
            String headerText = decode(headerBytes.flip(), file);
            Object root;
            try {
                root = Json.parse(headerText);
            } catch (Json.SyntaxError e) {
                throw new IOException(file + ": the header is not valid JSON: " + e.getMessage());
            }
            long dataStart = 8 + headerLength;
            long dataLength = fileSize - dataStart;
            if (!(root instanceof Map<?, ?> members)) {
                throw new IOException(file + ": the header is a JSON " + kind(root) + ", expected an object");
            }
            Map<String, String> metadata = Map.of();
            List<Entry> entries = new ArrayList<>();
            for (Map.Entry<?, ?> member : members.entrySet()) {
                String name = (String) member.getKey();
                if (name.equals(METADATA_KEY)) {
                    metadata = metadata(member.getValue(), file);
                } else {
                    entries.add(entry(name, member.getValue(), dataLength, file));
                }
            }
            checkCoverage(entries, dataLength, file);

            Map<String, Tensor> tensors = new LinkedHashMap<>();
            ByteBuffer buffer = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
            for (Entry entry : entries) {
                tensors.put(entry.name(), readTensor(channel, dataStart, entry, buffer, file));
            }
            return new Contents(Collections.unmodifiableMap(tensors), metadata);
        }
    }

    private static String decode(ByteBuffer bytes, Path file) throws IOException {
        CharBuffer chars = CharBuffer.allocate(bytes.remaining());
        CoderResult result = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes, chars, true);
        if (result.isError()) {
            throw new IOException(file + ": the header is not valid UTF-8 (header byte " + bytes.position() + ")");
        }
        return chars.flip().toString();
    }

    private static Map<String, String> metadata(Object value, Path file) throws IOException {
        if (value == Json.NULL) {
            return Map.of(); // as the reference reads it
        }
        if (!(value instanceof Map<?, ?> members)) {
            throw new IOException(file + ": '" + METADATA_KEY + "' is a JSON " + kind(value)
                    + ", expected an object of strings");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<?, ?> member : members.entrySet()) {
            if (!(member.getValue() instanceof String text)) {
                throw new IOException(file + ": metadata '" + member.getKey() + "' is a JSON "
                        + kind(member.getValue()) + ", expected a string");
            }
            metadata.put((String) member.getKey(), text);
        }
        return Collections.unmodifiableMap(metadata);
    }

    private static Entry entry(String name, Object value, long dataLength, Path file) throws IOException {
        String where = file + ": tensor '" + name + "'";
        if (!(value instanceof Map<?, ?> info)) {
            throw new IOException(where + " is a JSON " + kind(value)
                    + ", expected an object with dtype, shape and data_offsets");
        }
        for (Object key : info.keySet()) {
            if (!key.equals("dtype") && !key.equals("shape") && !key.equals("data_offsets")) {
                throw new IOException(where + " has an unknown field '" + key
                        + "'; expected dtype, shape and data_offsets");
            }
        }
        Object dtypeValue = required(info, "dtype", where);
        if (!(dtypeValue instanceof String dtypeName)) {
            throw new IOException(where + ": dtype is a JSON " + kind(dtypeValue) + ", expected a string such as \"F32\"");
        }
        Dtype dtype = dtype(dtypeName, where);

        List<?> shapeList = list(required(info, "shape", where), "shape", where);
        int[] shape = new int[shapeList.size()];
        long elements = 1;
        for (int axis = 0; axis < shape.length; axis++) {
            long dim = natural(shapeList.get(axis), "shape", where);
            if (dim > Integer.MAX_VALUE) {
                throw new IOException(where + ": dimension " + axis + " of shape " + shapeList + " is " + dim
                        + ", above " + Integer.MAX_VALUE);
            }
            shape[axis] = (int) dim;
        }
        for (int dim : shape) {
            elements *= dim; // each factor < 2^31 and the product kept below 2^31, so no overflow
            if (elements > MAX_ELEMENTS) {
                throw new IOException(where + ": shape " + shapeList + " holds more than " + MAX_ELEMENTS
                        + " elements, more than one array can hold");
            }
        }

        List<?> offsets = list(required(info, "data_offsets", where), "data_offsets", where);
        if (offsets.size() != 2) {
            throw new IOException(where + ": data_offsets " + offsets + " has " + offsets.size()
                    + " numbers, expected 2 [begin, end]");
        }
        long begin = natural(offsets.get(0), "data_offsets", where);
        long end = natural(offsets.get(1), "data_offsets", where);
        if (end < begin) {
            throw new IOException(where + ": data_offsets [" + begin + ", " + end + "] end before they begin");
        }
        if (end > dataLength) {
            throw new IOException(where + ": data_offsets [" + begin + ", " + end + "] go beyond the data ("
                    + dataLength + " bytes)");
        }
        long bytes = elements * dtype.bytes;
        if (end - begin != bytes) {
            throw new IOException(where + ": data_offsets [" + begin + ", " + end + "] hold " + (end - begin)
                    + " bytes, but shape " + Arrays.toString(shape) + " of " + dtype + " needs " + elements + " x "
                    + dtype.bytes + " = " + bytes);
        }
        return new Entry(name, dtype, shape, begin, end);
    }

    private static Dtype dtype(String name, String where) throws IOException {
        for (Dtype dtype : Dtype.values()) {
            if (dtype.name().equals(name)) {
                return dtype;
            }
        }
        if (REFUSED_DTYPES.contains(name)) {
            throw new IOException(where + " has dtype '" + name
                    + "', which Descent does not read; it reads F32, F16, BF16 and F64");
        }
        throw new IOException(where + " has an unknown dtype '" + name + "'; Descent reads F32, F16, BF16 and F64");
    }

    private static Object required(Map<?, ?> info, String field, String where) throws IOException {
        Object value = info.get(field);
        if (value == null) {
            throw new IOException(where + " has no " + field);
        }
        return value;
    }

    private static List<?> list(Object value, String field, String where) throws IOException {
        if (!(value instanceof List<?> list)) {
            throw new IOException(where + ": " + field + " is a JSON " + kind(value) + ", expected an array");
        }
        return list;
    }

    private static long natural(Object value, String field, String where) throws IOException {
        if (!(value instanceof Json.Number number) || !number.isNaturalInteger()) {
            throw new IOException(where + ": " + field + " holds " + value + ", expected a whole number 0 or more");
        }
        try {
            return Long.parseLong(number.text());
        } catch (NumberFormatException e) {
            throw new IOException(where + ": " + field + " holds " + value + ", too large");
        }
    }

    /** Refuses overlapping ranges, gaps, and data that no tensor covers, as the reference reader does. */
    private static void checkCoverage(List<Entry> entries, long dataLength, Path file) throws IOException {
        List<Entry> byOffset = new ArrayList<>(entries);
        byOffset.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long covered = 0;
        Entry previous = null;
        for (Entry entry : byOffset) {
            if (entry.begin() < covered) {
                throw new IOException(file + ": tensor '" + entry.name() + "' (bytes " + entry.begin() + " to "
                        + entry.end() + ") overlaps tensor '" + previous.name() + "' (bytes " + previous.begin()
                        + " to " + previous.end() + ")");
            }
            if (entry.begin() > covered) {
                throw new IOException(file + ": bytes " + covered + " to " + entry.begin() + " of the data "
                        + "belong to no tensor (a gap before tensor '" + entry.name() + "')");
            }
            covered = entry.end();
            previous = entry;
        }
        if (covered != dataLength) {
            throw new IOException(file + ": bytes " + covered + " to " + dataLength + " of the data belong to no "
                    + "tensor (trailing data after " + (previous == null ? "the header" : "tensor '" + previous.name()
                    + "'") + ")");
        }
        entries.clear();
        entries.addAll(byOffset);
    }

    private static Tensor readTensor(FileChannel channel, long dataStart, Entry entry, ByteBuffer buffer, Path file)
            throws IOException {
        int count = (int) ((entry.end() - entry.begin()) / entry.dtype().bytes);
        float[] values = new float[count];
        long position = dataStart + entry.begin();
        int filled = 0;
        int perChunk = buffer.capacity() / entry.dtype().bytes;
        while (filled < count) {
            int now = Math.min(perChunk, count - filled);
            buffer.clear().limit(now * entry.dtype().bytes);
            readFully(channel, buffer, position, file);
            buffer.flip();
            position += buffer.remaining();
            for (int i = 0; i < now; i++) {
                values[filled + i] = switch (entry.dtype()) {
                    case F32 -> buffer.getFloat();
                    case F64 -> (float) buffer.getDouble();
                    case BF16 -> Float.intBitsToFloat((buffer.getShort() & 0xffff) << 16);
                    case F16 -> halfToFloat(buffer.getShort() & 0xffff);
                };
            }
            filled += now;
        }
        return Tensor.of(values, entry.shape());
    }

    /** IEEE 754 binary16 to float, exactly (every half is a float). */
    static float halfToFloat(int half) {
        int sign = (half & 0x8000) << 16;
        int exponent = (half >>> 10) & 0x1f;
        int mantissa = half & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | mantissa << 13);
        }
        if (exponent == 0) {
            float magnitude = mantissa * 0x1p-24f; // zero or subnormal
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | (exponent + 112) << 23 | mantissa << 13);
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position, Path file) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at);
            if (read < 0) {
                throw new IOException(file + ": the file ended at byte " + at + " while reading it (was it changed?)");
            }
            at += read;
        }
    }

    private static String kind(Object value) {
        if (value instanceof Map) {
            return "object";
        } else if (value instanceof List) {
            return "array";
        } else if (value instanceof String) {
            return "string";
        } else if (value instanceof Json.Number) {
            return "number";
        } else if (value instanceof Boolean) {
            return "boolean";
        }
        return "null";
    }
}
