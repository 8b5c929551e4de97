package dev.descent.nn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.api.Tensor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {
    /** Two 2x3 images, bytes chosen to include 0, 127, 128 and 255 (the sign bit of a Java byte). */
    private static final int[] PIXELS = {0, 1, 127, 128, 254, 255, 10, 20, 30, 40, 50, 60};

    private static byte[] images(int count, int rows, int cols, int... pixels) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x00000803);
        out.writeInt(count);
        out.writeInt(rows);
        out.writeInt(cols);
        for (int pixel : pixels) {
            out.writeByte(pixel);
        }
        return bytes.toByteArray();
    }

    private static byte[] labels(int... values) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x00000801);
        out.writeInt(values.length);
        for (int value : values) {
            out.writeByte(value);
        }
        return bytes.toByteArray();
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(plain);
        }
        return bytes.toByteArray();
    }

    private static Tensor read(byte[] bytes) throws IOException {
        return Idx.read(new ByteArrayInputStream(bytes), "test.idx");
    }

    private static float[] expectedPixels() {
        float[] expected = new float[PIXELS.length];
        for (int i = 0; i < PIXELS.length; i++) {
            expected[i] = PIXELS[i];
        }
        return expected;
    }

    @Test
    void readsPlainImagesAsUnsignedValuesInTheirShape() throws IOException {
        Tensor tensor = read(images(2, 2, 3, PIXELS));

        assertThat(tensor.shape()).containsExactly(2, 2, 3);
        assertThat(tensor.data()).containsExactly(expectedPixels());
        assertThat(tensor.get(0, 1, 2)).isEqualTo(255f);
    }

    @Test
    void readsGzippedImagesTheSameAsPlainOnes() throws IOException {
        Tensor tensor = read(gzip(images(2, 2, 3, PIXELS)));

        assertThat(tensor.shape()).containsExactly(2, 2, 3);
        assertThat(tensor.data()).containsExactly(expectedPixels());
    }

    @Test
    void readsLabelsPlainAndGzipped() throws IOException {
        byte[] plain = labels(3, 0, 9, 255);

        assertThat(read(plain).shape()).containsExactly(4);
        assertThat(read(plain).data()).containsExactly(3f, 0f, 9f, 255f);
        assertThat(read(gzip(plain)).data()).containsExactly(3f, 0f, 9f, 255f);
    }

    @Test
    void readsAnEmptyArray() throws IOException {
        assertThat(read(labels()).shape()).containsExactly(0);
        assertThat(read(images(0, 28, 28)).shape()).containsExactly(0, 28, 28);
    }

    @Test
    void readsAFileAndNamesItInErrors(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("good.idx.gz");
        Files.write(good, gzip(labels(1, 2)));
        Path bad = dir.resolve("bad.idx");
        Files.write(bad, new byte[] {0, 0, 8, 3, 0});

        assertThat(Idx.read(good).data()).containsExactly(1f, 2f);
        assertThatThrownBy(() -> Idx.read(bad)).isInstanceOf(IOException.class).hasMessageStartingWith(bad + ": ");
    }

    @Test
    void readsAStreamThatDeliversFewBytesAtATime() throws IOException {
        byte[] bytes = images(2, 2, 3, PIXELS);
        InputStream trickle = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] into, int from, int length) {
                return super.read(into, from, Math.min(length, 3));
            }
        };

        assertThat(Idx.read(trickle, "trickle").data()).containsExactly(expectedPixels());
    }

    @Test
    void refusesAWrongMagicNumberSayingWhatItWasAndWhatIsValid() throws IOException {
        byte[] bytes = images(2, 2, 3, PIXELS);
        bytes[3] = 0x08; // 0x00000808: IDX of doubles

        assertThatThrownBy(() -> read(bytes)).isInstanceOf(IOException.class).hasMessage(
                "test.idx: not an IDX file of unsigned bytes: magic number 0x00000808, expected 0x00000803 (images)"
                        + " or 0x00000801 (labels)");
    }

    @Test
    void refusesAWrongMagicNumberInAGzippedFileSayingItWasGzipped() throws IOException {
        byte[] bytes = gzip("hello, world".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> read(bytes)).isInstanceOf(IOException.class)
                .hasMessageStartingWith("test.idx (gzipped): not an IDX file of unsigned bytes: magic number 0x68656C6C");
    }

    @Test
    void refusesANegativeDimension() throws IOException {
        assertThatThrownBy(() -> read(images(2, -2, 3, PIXELS))).isInstanceOf(IOException.class).hasMessage(
                "test.idx: dimension 1 is negative (-2) in shape 2 x -2 x 3; each dimension must be 0 or more");
    }

    @Test
    void refusesDimensionsWhoseProductOverflowsBeforeReadingData() throws IOException {
        assertThatThrownBy(() -> read(images(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE)))
                .isInstanceOf(IOException.class)
                .hasMessage("test.idx: shape 2147483647 x 2147483647 x 2147483647 holds more than 2147483639 values,"
                        + " more than one array can hold");
        assertThatThrownBy(() -> read(images(65536, 65536, 1))).isInstanceOf(IOException.class)
                .hasMessageContaining("65536 x 65536 x 1 holds more than 2147483639 values");
    }

    @Test
    void refusesATruncatedFileSayingHowManyBytesWereExpectedAndFound() throws IOException {
        byte[] bytes = Arrays.copyOf(images(2, 2, 3, PIXELS), 16 + 7);

        assertThatThrownBy(() -> read(bytes)).isInstanceOf(IOException.class).hasMessage(
                "test.idx: truncated IDX file: expected 28 bytes (a header of 16 bytes and 2 x 2 x 3 values), found 23");
    }

    @Test
    void refusesATruncatedGzippedFile() throws IOException {
        byte[] bytes = gzip(Arrays.copyOf(labels(1, 2, 3), 10));

        assertThatThrownBy(() -> read(bytes)).isInstanceOf(IOException.class).hasMessage(
                "test.idx (gzipped): truncated IDX file: expected 11 bytes (a header of 8 bytes and 3 values), found 10");
    }

    @Test
    void refusesATruncatedHeader() throws IOException {
        assertThatThrownBy(() -> read(new byte[] {0, 0})).isInstanceOf(IOException.class)
                .hasMessage("test.idx: truncated IDX file: expected 4 bytes (a magic number of 4 bytes), found 2");
        assertThatThrownBy(() -> read(Arrays.copyOf(images(1, 1, 1, 0), 10))).isInstanceOf(IOException.class)
                .hasMessage("test.idx: truncated IDX file: expected 16 bytes (a header of 16 bytes), found 10");
    }

    @Test
    void refusesAHugeHeaderOnAShortStreamWithoutAllocatingWhatItPromises() throws IOException {
        // 2^31 - 9 values promised, 12 delivered: must be "truncated", not an OutOfMemoryError.
        byte[] bytes = images(1, 46340, 46340, PIXELS);

        assertThatThrownBy(() -> read(bytes)).isInstanceOf(IOException.class)
                .hasMessage("test.idx: truncated IDX file: expected 2147395616 bytes (a header of 16 bytes and"
                        + " 1 x 46340 x 46340 values), found 28");
    }

    @Test
    void refusesTrailingData() throws IOException {
        byte[] bytes = Arrays.copyOf(labels(1, 2), 11);

        assertThatThrownBy(() -> read(bytes)).isInstanceOf(IOException.class).hasMessage(
                "test.idx: trailing data after the 10 bytes its header describes (a header of 8 bytes and 2 values)");
        assertThatThrownBy(() -> read(gzip(bytes))).isInstanceOf(IOException.class)
                .hasMessageStartingWith("test.idx (gzipped): trailing data");
    }
}
