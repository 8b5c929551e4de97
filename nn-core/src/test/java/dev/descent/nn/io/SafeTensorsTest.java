package dev.descent.nn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.api.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsTest {
    @TempDir
    Path dir;

    // ---- files built byte by byte from the format's definition, the independent reference ----

    private static byte[] littleEndianLong(long value) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    /** The header length, the header as UTF-8, then {@code data}. */
    private Path file(String header, byte[] data) throws IOException {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        return file(json.length, json, data);
    }

    private Path file(long declaredLength, byte[] header, byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(littleEndianLong(declaredLength));
        out.write(header);
        out.write(data);
        Path file = dir.resolve("test.safetensors");
        Files.write(file, out.toByteArray());
        return file;
    }

    private static String f32(String name, String shape, long begin, long end) {
        return "\"" + name + "\":{\"dtype\":\"F32\",\"shape\":" + shape + ",\"data_offsets\":[" + begin + "," + end
                + "]}";
    }

    private String refusal(String header, byte[] data) throws IOException {
        Path file = file(header, data);
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> SafeTensors.read(file));
        assertThat(thrown).isInstanceOf(IOException.class);
        assertThat(thrown.getMessage()).startsWith(file + ": ").doesNotContain("\n");
        return thrown.getMessage().substring(file.toString().length() + 2);
    }

    @Test
    void readsAFileWrittenByHandFromTheSpecification() throws IOException {
        // 1.0f = 0x3F800000, -2.5f = 0xC0200000, 0.5f = 0x3F000000, little-endian; header with spaces and
        // newlines, keys in any order, metadata last.
        String header = "{\n  \"b\": {\"shape\": [], \"dtype\": \"F32\", \"data_offsets\": [8, 12]},\n"
                + "  \"a\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [0, 8]},\n"
                + "  \"__metadata__\": {\"format\": \"pt\", \"note\": \"caf\\u00e9 \\\"x\\\"\"}\n}   ";
        byte[] data = bytes(0, 0, 0x80, 0x3F, 0, 0, 0x20, 0xC0, 0, 0, 0, 0x3F);

        SafeTensors.Contents contents = SafeTensors.read(file(header, data));

        assertThat(contents.tensors()).containsOnlyKeys("a", "b");
        assertThat(contents.tensors().keySet()).as("in file (data) order").containsExactly("a", "b");
        assertThat(contents.tensors().get("a").shape()).containsExactly(2);
        assertThat(contents.tensors().get("a").data()).containsExactly(1.0f, -2.5f);
        assertThat(contents.tensors().get("b").shape()).isEmpty();
        assertThat(contents.tensors().get("b").data()).containsExactly(0.5f);
        assertThat(contents.metadata()).containsExactly(Map.entry("format", "pt"), Map.entry("note", "café \"x\""));
    }

    @Test
    void readsAFileWithoutMetadataOrTensors() throws IOException {
        SafeTensors.Contents contents = SafeTensors.read(file("{}      ", new byte[0]));

        assertThat(contents.tensors()).isEmpty();
        assertThat(contents.metadata()).isEmpty();
    }

    @Test
    void readsANullMetadataAsNoneAsTheReferenceDoes() throws IOException {
        assertThat(SafeTensors.read(file("{\"__metadata__\":null}", new byte[0])).metadata()).isEmpty();
    }

    @Test
    void readsF16Bf16AndF64AsFloats() throws IOException {
        String header = "{\"h\":{\"dtype\":\"F16\",\"shape\":[4],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[8,12]},"
                + "\"d\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[12,20]}}";
        byte[] data = bytes(
                0x00, 0x3C, 0x00, 0xC0, 0x01, 0x00, 0x00, 0x7C, // F16 1.0, -2.0, 2^-24, +inf
                0x80, 0x3F, 0x49, 0x40, //                         BF16 1.0, 3.140625
                0, 0, 0, 0, 0, 0, 0xF8, 0x3F); //                  F64 1.5

        SafeTensors.Contents contents = SafeTensors.read(file(header, data));

        assertThat(contents.tensors().get("h").data()).containsExactly(1f, -2f, 0x1p-24f, Float.POSITIVE_INFINITY);
        assertThat(contents.tensors().get("b").data()).containsExactly(1f, 3.140625f);
        assertThat(contents.tensors().get("d").data()).containsExactly(1.5f);
    }

    @Test
    void convertsEveryHalfExactly() {
        assertThat(SafeTensors.halfToFloat(0x8000)).isEqualTo(-0f);
        assertThat(Float.floatToRawIntBits(SafeTensors.halfToFloat(0x8000))).isEqualTo(0x80000000);
        assertThat(SafeTensors.halfToFloat(0x7BFF)).isEqualTo(65504f);
        assertThat(SafeTensors.halfToFloat(0x03FF)).isEqualTo(1023 * 0x1p-24f);
        assertThat(SafeTensors.halfToFloat(0x0400)).isEqualTo(0x1p-14f);
        assertThat(SafeTensors.halfToFloat(0x3555)).isEqualTo(0.333251953125f);
        assertThat(SafeTensors.halfToFloat(0xFC00)).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(SafeTensors.halfToFloat(0x7E00)).isNaN();
    }

    // ---- writing ----

    @Test
    void writesTheBytesTheSpecificationGives() throws IOException {
        Path file = dir.resolve("w.safetensors");
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("w", Tensor.of(new float[] {1f, -2.5f}, 1, 2));
        SafeTensors.write(file, tensors, Map.of("format", "pt"));

        // The reference writer's compact JSON, metadata first, padded with spaces to a multiple of 8.
        String json = "{\"__metadata__\":{\"format\":\"pt\"},\"w\":{\"dtype\":\"F32\",\"shape\":[1,2],"
                + "\"data_offsets\":[0,8]}}";
        String padded = json + " ".repeat((8 - json.length() % 8) % 8);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.write(littleEndianLong(padded.length()));
        expected.write(padded.getBytes(StandardCharsets.US_ASCII));
        expected.write(bytes(0, 0, 0x80, 0x3F, 0, 0, 0x20, 0xC0));
        assertThat(Files.readAllBytes(file)).isEqualTo(expected.toByteArray());
    }

    @Test
    void writesTensorsInTheOrderGiven() throws IOException {
        Path file = dir.resolve("order.safetensors");
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("z", Tensor.vector(1f));
        tensors.put("a", Tensor.vector(2f, 3f));
        SafeTensors.write(file, tensors, Map.of());

        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertThat(text).contains("{\"z\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                + "\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}");
        assertThat(SafeTensors.read(file).tensors().keySet()).containsExactly("z", "a");
    }

    @Test
    void roundTripsEveryFloatBitForBit() throws IOException {
        float[] values = {0f, -0f, 1f, -1.5f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE,
                Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, Float.intBitsToFloat(0x7FC01234),
                Float.intBitsToFloat(0xFFC00001), 1e-40f, (float) Math.PI, 123456.79f};
        Tensor big = Tensor.zeros(300, 301); // more than one write chunk
        for (int i = 0; i < big.size(); i++) {
            big.data()[i] = Float.intBitsToFloat(i * 0x9E3779B9);
        }
        Tensor whole = Tensor.of(new float[] {9f, 8f, 7f, 6f, 5f, 4f}, 3, 2);
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("special", Tensor.of(values, 4, 4));
        tensors.put("big", big);
        tensors.put("scalar", Tensor.scalar(-0f));
        tensors.put("empty", Tensor.zeros(0, 3));
        tensors.put("view", whole.rows(1, 3)); // a view: offset 2 in its array
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("spec", "sequential(linear(out_features=10), relu)");
        metadata.put("odd \"key\"\n", "tab\t, back\\slash, control \u0001, ünïcödé, emoji \uD83D\uDE00");
        Path file = dir.resolve("round.safetensors");

        SafeTensors.write(file, tensors, metadata);
        SafeTensors.Contents read = SafeTensors.read(file);

        assertThat(read.tensors().keySet()).containsExactly("special", "big", "scalar", "empty", "view");
        for (Map.Entry<String, Tensor> entry : tensors.entrySet()) {
            Tensor original = entry.getValue();
            Tensor back = read.tensors().get(entry.getKey());
            assertThat(back.shape()).as(entry.getKey()).containsExactly(original.shape());
            for (int i = 0; i < original.size(); i++) {
                assertThat(Float.floatToRawIntBits(back.array()[back.offset() + i])).as(entry.getKey() + "[" + i + "]")
                        .isEqualTo(Float.floatToRawIntBits(original.array()[original.offset() + i]));
            }
        }
        assertThat(read.metadata()).isEqualTo(metadata);
        assertThat(Files.size(file) % 8).as("data starts on an 8-byte boundary").isEqualTo(
                (8 + 4L * (16 + 300 * 301 + 1 + 4)) % 8);
    }

    @Test
    void refusesATensorNamedLikeTheMetadata() {
        Path file = dir.resolve("m.safetensors");
        assertThatThrownBy(() -> SafeTensors.write(file, Map.of("__metadata__", Tensor.vector(1f)), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'__metadata__'");
        assertThat(file).doesNotExist();
    }

    @Test
    void keepsTheOldFileWhenWritingFails() throws IOException {
        Path file = dir.resolve("model.safetensors");
        SafeTensors.write(file, Map.of("w", Tensor.vector(1f, 2f)), Map.of("version", "old"));
        byte[] old = Files.readAllBytes(file);

        assertThatThrownBy(() -> SafeTensors.write(file, Map.of("w", Tensor.vector(3f)), Map.of("version", "new"),
                temporary -> {
                    assertThat(temporary.getParent()).isEqualTo(file.toAbsolutePath().getParent());
                    assertThat(Files.size(temporary)).isPositive();
                    throw new IOException("disk full");
                })).isInstanceOf(IOException.class).hasMessage("disk full");

        assertThat(Files.readAllBytes(file)).isEqualTo(old);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("no temporary file left behind").containsExactly(file);
        }
        assertThat(SafeTensors.read(file).metadata()).containsEntry("version", "old");
    }

    @Test
    void replacesTheOldFileWhenWritingSucceeds() throws IOException {
        Path file = dir.resolve("model.safetensors");
        SafeTensors.write(file, Map.of("w", Tensor.vector(1f, 2f)), Map.of());
        SafeTensors.write(file, Map.of("w", Tensor.vector(3f)), Map.of());

        assertThat(SafeTensors.read(file).tensors().get("w").data()).containsExactly(3f);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    // ---- hostile files: each refused with its reason, before any tensor data is read ----

    @Test
    void refusesAFileShorterThanTheHeaderLength() throws IOException {
        assertThat(refusal0(bytes(1, 0, 0))).isEqualTo("not a safetensors file: 3 bytes, fewer than the 8 that give"
                + " the header length");
    }

    private String refusal0(byte[] whole) throws IOException {
        Path file = dir.resolve("short.safetensors");
        Files.write(file, whole);
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> SafeTensors.read(file));
        assertThat(thrown).isInstanceOf(IOException.class);
        return thrown.getMessage().substring(file.toString().length() + 2);
    }

    @Test
    void refusesAHeaderLengthBeyondTheFile() throws IOException {
        Path file = file(1000, "{}".getBytes(StandardCharsets.US_ASCII), new byte[10]);

        assertThatThrownBy(() -> SafeTensors.read(file)).isInstanceOf(IOException.class)
                .hasMessage(file + ": header length 1000 is beyond the end of the file (20 bytes, so at most 12)");
    }

    @Test
    void refusesAGigabyteOrAHugeUnsignedHeaderLengthWithoutAllocatingIt() throws IOException {
        Path gigabyte = file(1L << 30, "{}".getBytes(StandardCharsets.US_ASCII), new byte[0]);
        assertThatThrownBy(() -> SafeTensors.read(gigabyte)).isInstanceOf(IOException.class)
                .hasMessage(gigabyte + ": header length 1073741824 is beyond the end of the file (10 bytes, so at"
                        + " most 2)");

        Path huge = file(-1L, "{}".getBytes(StandardCharsets.US_ASCII), new byte[0]);
        assertThatThrownBy(() -> SafeTensors.read(huge)).isInstanceOf(IOException.class)
                .hasMessage(huge + ": header length 18446744073709551615 is beyond the end of the file (10 bytes, so"
                        + " at most 2)");
    }

    @Test
    void refusesAHeaderAboveTheCapEvenWhenTheFileHoldsIt() throws IOException {
        Path file = dir.resolve("sparse.safetensors");
        long headerLength = SafeTensors.MAX_HEADER_BYTES + 8;
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.write(littleEndianLong(headerLength));
            sparse.setLength(8 + headerLength); // sparse where the file system allows
        }

        assertThatThrownBy(() -> SafeTensors.read(file)).isInstanceOf(IOException.class)
                .hasMessage(file + ": header length 100000008 is above the limit of 100000000 bytes");
    }

    @Test
    void refusesOffsetsBeyondTheData() throws IOException {
        assertThat(refusal("{" + f32("w", "[2]", 0, 8) + "}", new byte[4]))
                .isEqualTo("tensor 'w': data_offsets [0, 8] go beyond the data (4 bytes)");
        assertThat(refusal("{" + f32("w", "[2]", 0, 99999999999999999L) + "}", new byte[4]))
                .isEqualTo("tensor 'w': data_offsets [0, 99999999999999999] go beyond the data (4 bytes)");
    }

    @Test
    void refusesOffsetsTooLargeForALong() throws IOException {
        String header = "{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,99999999999999999999]}}";
        assertThat(refusal(header, new byte[8])).isEqualTo("tensor 'w': data_offsets holds 99999999999999999999,"
                + " too large");
    }

    @Test
    void refusesOffsetsThatEndBeforeTheyBegin() throws IOException {
        assertThat(refusal("{" + f32("w", "[0]", 8, 4) + "}", new byte[8]))
                .isEqualTo("tensor 'w': data_offsets [8, 4] end before they begin");
    }

    @Test
    void refusesOverlappingTensors() throws IOException {
        assertThat(refusal("{" + f32("a", "[2]", 0, 8) + "," + f32("b", "[2]", 4, 12) + "}", new byte[12]))
                .isEqualTo("tensor 'b' (bytes 4 to 12) overlaps tensor 'a' (bytes 0 to 8)");
        assertThat(refusal("{" + f32("a", "[2]", 0, 8) + "," + f32("b", "[2]", 0, 8) + "}", new byte[8]))
                .isEqualTo("tensor 'b' (bytes 0 to 8) overlaps tensor 'a' (bytes 0 to 8)");
    }

    @Test
    void refusesAGapBetweenTensorsAndDataNoTensorCovers() throws IOException {
        assertThat(refusal("{" + f32("a", "[1]", 0, 4) + "," + f32("b", "[1]", 8, 12) + "}", new byte[12]))
                .isEqualTo("bytes 4 to 8 of the data belong to no tensor (a gap before tensor 'b')");
        assertThat(refusal("{" + f32("a", "[1]", 0, 4) + "}", new byte[12]))
                .isEqualTo("bytes 4 to 12 of the data belong to no tensor (trailing data after tensor 'a')");
        assertThat(refusal("{}", new byte[4]))
                .isEqualTo("bytes 0 to 4 of the data belong to no tensor (trailing data after the header)");
    }

    @Test
    void refusesAShapeWhoseSizeIsNotTheRange() throws IOException {
        assertThat(refusal("{" + f32("w", "[3]", 0, 8) + "}", new byte[8])).isEqualTo(
                "tensor 'w': data_offsets [0, 8] hold 8 bytes, but shape [3] of F32 needs 3 x 4 = 12");
        assertThat(refusal("{" + f32("w", "[65536,65536]", 0, 8) + "}", new byte[8])).isEqualTo(
                "tensor 'w': shape [65536, 65536] holds more than 2147483639 elements, more than one array can hold");
        assertThat(refusal("{" + f32("w", "[3000000000]", 0, 8) + "}", new byte[8])).isEqualTo(
                "tensor 'w': dimension 0 of shape [3000000000] is 3000000000, above 2147483647");
        assertThat(refusal("{" + f32("w", "[-2]", 0, 8) + "}", new byte[8]))
                .isEqualTo("tensor 'w': shape holds -2, expected a whole number 0 or more");
        assertThat(refusal("{" + f32("w", "[2.0]", 0, 8) + "}", new byte[8]))
                .isEqualTo("tensor 'w': shape holds 2.0, expected a whole number 0 or more");
    }

    @Test
    void refusesUnknownAndUnreadDtypesNamingThem() throws IOException {
        assertThat(refusal("{\"w\":{\"dtype\":\"F128\",\"shape\":[1],\"data_offsets\":[0,16]}}", new byte[16]))
                .isEqualTo("tensor 'w' has an unknown dtype 'F128'; Descent reads F32, F16, BF16 and F64");
        assertThat(refusal("{\"w\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[0,8]}}", new byte[8]))
                .isEqualTo("tensor 'w' has dtype 'I64', which Descent does not read; it reads F32, F16, BF16 and F64");
    }

    @Test
    void refusesTensorEntriesOfTheWrongForm() throws IOException {
        assertThat(refusal("{\"w\":[1]}", new byte[0]))
                .isEqualTo("tensor 'w' is a JSON array, expected an object with dtype, shape and data_offsets");
        assertThat(refusal("{\"w\":{\"dtype\":\"F32\",\"shape\":[0]}}", new byte[0]))
                .isEqualTo("tensor 'w' has no data_offsets");
        assertThat(refusal("{\"w\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[0,0],\"x\":1}}", new byte[0]))
                .isEqualTo("tensor 'w' has an unknown field 'x'; expected dtype, shape and data_offsets");
        assertThat(refusal("{\"w\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[0]}}", new byte[0]))
                .isEqualTo("tensor 'w': data_offsets [0] has 1 numbers, expected 2 [begin, end]");
        assertThat(refusal("{\"w\":{\"dtype\":32,\"shape\":[0],\"data_offsets\":[0,0]}}", new byte[0]))
                .isEqualTo("tensor 'w': dtype is a JSON number, expected a string such as \"F32\"");
        assertThat(refusal("[]", new byte[0])).isEqualTo("the header is a JSON array, expected an object");
        assertThat(refusal("{\"__metadata__\":{\"a\":1}}", new byte[0]))
                .isEqualTo("metadata 'a' is a JSON number, expected a string");
        assertThat(refusal("{\"__metadata__\":[]}", new byte[0]))
                .isEqualTo("'__metadata__' is a JSON array, expected an object of strings");
    }

    @Test
    void refusesBadJsonSayingWhere() throws IOException {
        assertThat(refusal("{\"a\":{\"dtype\":\"F32\" \"shape\":[0]}}", new byte[0])).isEqualTo(
                "the header is not valid JSON: unexpected '\"', expected ',' or '}' at line 1, column 21"
                        + " (character 20)");
        assertThat(refusal("{\n\"a\": tru}", new byte[0])).isEqualTo(
                "the header is not valid JSON: unexpected 't', expected a value at line 2, column 6 (character 7)");
        assertThat(refusal("{} x", new byte[0])).isEqualTo(
                "the header is not valid JSON: unexpected 'x' after the end of the JSON value at line 1, column 4"
                        + " (character 3)");
        assertThat(refusal("{\"a\":\"line\nbreak\"}", new byte[0])).startsWith(
                "the header is not valid JSON: control character U+000A inside a string");
        assertThat(refusal("{\"a\":01}", new byte[0])).startsWith(
                "the header is not valid JSON: unexpected '1', expected ',' or '}'");
        assertThat(refusal("{\"a\":\"\\x\"}", new byte[0])).startsWith(
                "the header is not valid JSON: invalid escape '\\x' in a string");
        assertThat(refusal("{\"a\"", new byte[0])).startsWith(
                "the header is not valid JSON: unexpected end of the header, expected ':'");
        assertThat(refusal("", new byte[0])).startsWith(
                "the header is not valid JSON: unexpected end of the header, expected a value");
        assertThat(refusal("{}\0\0\0\0\0\0", new byte[0])).startsWith(
                "the header is not valid JSON: unexpected character U+0000 after the end of the JSON value");
    }

    @Test
    void refusesAHeaderThatIsNotUtf8() throws IOException {
        byte[] header = bytes('{', '"', 0xC3, 0x28, '"', ':', '1', '}');
        Path file = file(header.length, header, new byte[0]);

        assertThatThrownBy(() -> SafeTensors.read(file)).isInstanceOf(IOException.class)
                .hasMessage(file + ": the header is not valid UTF-8 (header byte 2)");
    }

    @Test
    void refusesDeepNestingWithoutOverflowingTheStack() throws IOException {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertThat(refusal(deep, new byte[0])).isEqualTo(
                "the header is not valid JSON: objects and arrays nested more than 32 deep at line 1, column 33"
                        + " (character 32)");
        String deepMetadata = "{\"__metadata__\":{\"a\":" + "{\"b\":".repeat(50) + "1" + "}".repeat(52);
        assertThat(refusal(deepMetadata, new byte[0])).startsWith(
                "the header is not valid JSON: objects and arrays nested more than 32 deep");
    }

    @Test
    void refusesDuplicateKeys() throws IOException {
        assertThat(refusal("{" + f32("w", "[1]", 0, 4) + ", " + f32("w", "[1]", 4, 8) + "}", new byte[8]))
                .isEqualTo("the header is not valid JSON: duplicate key 'w' at line 1, column 56 (character 55)");
        assertThat(refusal("{\"__metadata__\":{\"k\":\"1\",\"k\":\"2\"}}", new byte[0]))
                .startsWith("the header is not valid JSON: duplicate key 'k'");
    }
}
