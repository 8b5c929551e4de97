package dev.descent.nn.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.Tensor;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written by the reference implementation (Hugging Face safetensors 0.8.0, from PyTorch), made by
 * {@code tools/fixtures/generate_safetensors_fixtures.py}; the values below are the script's.
 */
class SafeTensorsReferenceTest {
    private static final float[] F32_VALUES = {0.0f, -0.0f, 1.0f, -1.5f, 3.0e-45f, 1.1754944e-38f, 3.4028235e38f,
            Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0.1f, 1e-3f, 12345.678f};

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(SafeTensorsReferenceTest.class.getResource("/fixtures/safetensors/" + name).toURI());
    }

    private static Map<String, Tensor> f32Tensors() {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("a.weight", Tensor.of(F32_VALUES.clone(), 3, 4));
        tensors.put("b.bias", Tensor.vector(0.5f, -0.25f));
        tensors.put("c.scalar", Tensor.scalar(2.0f));
        tensors.put("d.empty", Tensor.zeros(0, 3));
        return tensors;
    }

    private static Map<String, String> f32Metadata() {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("descent_version", "0.1.0");
        metadata.put("spec", "sequential(linear(out_features=4))");
        return metadata;
    }

    @Test
    void readsTheReferenceF32FileBitForBit() throws Exception {
        SafeTensors.Contents contents = SafeTensors.read(fixture("f32.safetensors"));

        assertThat(contents.metadata()).isEqualTo(f32Metadata());
        Map<String, Tensor> expected = f32Tensors();
        assertThat(contents.tensors().keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((name, tensor) -> {
            Tensor read = contents.tensors().get(name);
            assertThat(read.shape()).as(name).containsExactly(tensor.shape());
            for (int i = 0; i < tensor.size(); i++) {
                assertThat(Float.floatToRawIntBits(read.data()[i])).as(name + "[" + i + "]")
                        .isEqualTo(Float.floatToRawIntBits(tensor.data()[i]));
            }
        });
    }

    @Test
    void writesTheSameBytesAsTheReference(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ours.safetensors");

        SafeTensors.write(file, f32Tensors(), f32Metadata());

        assertThat(Files.readAllBytes(file)).isEqualTo(Files.readAllBytes(fixture("f32.safetensors")));
    }

    @Test
    void readsTheReferenceFileOfMixedDtypes() throws IOException, URISyntaxException {
        SafeTensors.Contents contents = SafeTensors.read(fixture("mixed.safetensors"));

        assertThat(contents.metadata()).containsExactly(Map.entry("format", "pt"));
        assertThat(contents.tensors().get("half").data()).containsExactly(1f, -2f, 65504f, 0x1p-24f, 0.333251953125f);
        assertThat(contents.tensors().get("brain").data()).containsExactly(1f, 3.140625f, -0.0078125f);
        assertThat(contents.tensors().get("double").shape()).containsExactly(2, 2);
        assertThat(contents.tensors().get("double").data()).containsExactly(1.5f, -2.25f, (float) 1e-300, 0.1f);
        assertThat(contents.tensors().get("single").data()).containsExactly(7f);
    }
}
