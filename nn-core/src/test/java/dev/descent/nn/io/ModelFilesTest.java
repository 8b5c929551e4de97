package dev.descent.nn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.api.Buffer;
import dev.descent.api.Layer;
import dev.descent.api.Parameter;
import dev.descent.api.Pass;
import dev.descent.api.State;
import dev.descent.api.Tensor;
import dev.descent.nn.Linear;
import dev.descent.nn.Relu;
import dev.descent.nn.Sequential;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesTest {
    @TempDir
    Path dir;

    /** An identity layer with a buffer, as batch norm's running statistics, which nn-core has no layer for yet. */
    private static final class Counting implements Layer {
        private Buffer runningMean;

        @Override
        public int[] outputShape(int[] inputShape) {
            return inputShape.clone();
        }

        @Override
        public void initialize(int[] inputShape, java.util.random.RandomGenerator random) {
            runningMean = Buffer.of("running_mean", Tensor.zeros(inputShape[0]));
        }

        @Override
        public Tensor forward(Tensor input, Pass pass) {
            return input;
        }

        @Override
        public Tensor backward(Tensor outputGradient, boolean inputGradient) {
            return outputGradient;
        }

        @Override
        public List<Buffer> buffers() {
            return List.of(runningMean);
        }
    }

    private static Sequential model(long seed) {
        Sequential model = Sequential.of(new Linear(3, 4), new Relu(), new Counting(), new Linear(4, 2));
        model.build(List.of(new int[] {3}), new SplittableRandom(seed));
        return model;
    }

    private static Map<String, float[]> snapshot(Sequential model) {
        Map<String, float[]> values = new LinkedHashMap<>();
        model.parameters().forEach(p -> values.put(p.name(), p.value().data().clone()));
        model.buffers().forEach(b -> values.put(b.name(), b.value().data().clone()));
        return values;
    }

    @Test
    void savesEveryParameterAndBufferByQualifiedNameWithTheMetadata() throws IOException {
        Sequential model = model(1);
        model.buffers().get(0).value().data()[1] = Float.NaN;
        Path file = dir.resolve("model.safetensors");

        ModelFiles.save(file, model, Map.of("spec", "sequential(...)", "descent_version", "0.1.0"));
        SafeTensors.Contents contents = SafeTensors.read(file);

        assertThat(contents.tensors().keySet())
                .containsExactly("0.weight", "0.bias", "3.weight", "3.bias", "2.running_mean");
        assertThat(contents.tensors().get("0.weight").shape()).containsExactly(4, 3);
        assertThat(contents.tensors().get("2.running_mean").data()[1]).isNaN();
        assertThat(contents.metadata()).containsEntry("spec", "sequential(...)")
                .containsEntry("descent_version", "0.1.0");
    }

    @Test
    void theModelAndTheVersionOfDescentAreWrittenUnlessTheCallerSaysOtherwise() throws IOException {
        Sequential model = model(1);
        Path file = dir.resolve("model.safetensors");

        ModelFiles.save(file, model, Map.of("epoch", "3"));

        assertThat(SafeTensors.read(file).metadata())
                .containsEntry("model", model.toString())
                .containsEntry("descent_version", ModelFiles.DESCENT_VERSION)
                .containsEntry("epoch", "3");
        // The build filters the version in: a test run from Maven sees the project's version.
        assertThat(ModelFiles.DESCENT_VERSION).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void loadsBackEveryValueExactlyAndReturnsTheMetadata() throws IOException {
        Sequential saved = model(1);
        saved.parameters().get(1).value().data()[0] = -0f;
        saved.buffers().get(0).value().data()[3] = Float.intBitsToFloat(0x7FC0BEEF);
        Path file = dir.resolve("model.safetensors");
        ModelFiles.save(file, saved, Map.of("spec", "mlp"));
        Sequential loaded = model(2);
        Tensor firstWeight = loaded.parameters().get(0).value();

        Map<String, String> metadata = ModelFiles.load(file, loaded);

        assertThat(metadata).containsExactly(Map.entry("model", saved.toString()),
                Map.entry("descent_version", ModelFiles.DESCENT_VERSION), Map.entry("spec", "mlp"));
        Map<String, float[]> expected = snapshot(saved);
        Map<String, float[]> actual = snapshot(loaded);
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        for (String name : expected.keySet()) {
            int[] expectedBits = bits(expected.get(name));
            assertThat(bits(actual.get(name))).as(name).containsExactly(expectedBits);
        }
        assertThat(loaded.parameters().get(0).value()).as("loaded in place, into the same tensor")
                .isSameAs(firstWeight);
    }

    private static int[] bits(float[] values) {
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToRawIntBits(values[i]);
        }
        return bits;
    }

    private Path fileWith(Map<String, Tensor> tensors) throws IOException {
        Path file = dir.resolve("other.safetensors");
        SafeTensors.write(file, tensors, Map.of());
        return file;
    }

    private static Map<String, Tensor> tensorsOf(Sequential model) {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        model.parameters().forEach(p -> tensors.put(p.name(), p.value().copy()));
        model.buffers().forEach(b -> tensors.put(b.name(), b.value().copy()));
        return tensors;
    }

    @Test
    void refusesAFileWithoutATensorTheModelNeedsAndChangesNothing() throws IOException {
        Map<String, Tensor> tensors = tensorsOf(model(1));
        tensors.remove("3.bias");
        Path file = fileWith(tensors);
        Sequential model = model(2);
        Map<String, float[]> before = snapshot(model);

        assertThatThrownBy(() -> ModelFiles.load(file, model)).isInstanceOf(IOException.class)
                .hasMessage(file + ": has no tensor '3.bias' (shape [2]), which the model needs");
        assertThat(snapshot(model)).usingRecursiveComparison().isEqualTo(before);
    }

    @Test
    void refusesAFileWithATensorTheModelDoesNotHaveAndChangesNothing() throws IOException {
        Map<String, Tensor> tensors = tensorsOf(model(1));
        tensors.put("9.weight", Tensor.zeros(1));
        Path file = fileWith(tensors);
        Sequential model = model(2);
        Map<String, float[]> before = snapshot(model);

        assertThatThrownBy(() -> ModelFiles.load(file, model)).isInstanceOf(IOException.class)
                .hasMessage(file + ": tensor '9.weight' is not in the model, which holds [0.weight, 0.bias, 3.weight,"
                        + " 3.bias, 2.running_mean]");
        assertThat(snapshot(model)).usingRecursiveComparison().isEqualTo(before);
    }

    @Test
    void refusesATensorOfAnotherShapeAndChangesNothing() throws IOException {
        Map<String, Tensor> tensors = tensorsOf(model(1));
        tensors.put("3.weight", Tensor.zeros(4, 2)); // transposed; loaded after 0.weight would have been
        Path file = fileWith(tensors);
        Sequential model = model(2);
        Map<String, float[]> before = snapshot(model);

        assertThatThrownBy(() -> ModelFiles.load(file, model)).isInstanceOf(IOException.class)
                .hasMessage(file + ": tensor '3.weight' has shape [4, 2], the model expects [2, 4]");
        assertThat(snapshot(model)).usingRecursiveComparison().isEqualTo(before);
    }

    @Test
    void refusesAModelThatIsNotBuilt() {
        Sequential model = Sequential.of(new Linear(3, 4));
        Path file = dir.resolve("m.safetensors");

        assertThatThrownBy(() -> ModelFiles.save(file, model, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not built");
        assertThatThrownBy(() -> ModelFiles.load(file, model))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not built");
    }

    @Test
    void roundTripsAStateWithItsNumbersExactly() throws IOException {
        double[] numbers = {0.0, -0.0, 1e-3, 0.1, 1.0 / 3.0, Math.PI, Double.MIN_VALUE, Double.MAX_VALUE,
                Double.MIN_NORMAL, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 123456789012345678.0,
                -2.5e-300, 4.35};
        State.Builder builder = State.builder();
        for (int i = 0; i < numbers.length; i++) {
            builder.put("n" + i, numbers[i]);
        }
        builder.put("step", 1000);
        builder.put("exp_avg/0.weight", Tensor.of(new float[] {1f, -0f, Float.NaN, 1e-42f}, 2, 2));
        builder.putAll("inner", State.builder().put("exp_avg_sq/0.bias", Tensor.vector(0.25f)).put("t", 7).build());
        State state = builder.build();
        Path file = dir.resolve("optimizer.safetensors");

        ModelFiles.saveState(file, state, Map.of("optimizer", "adam(lr=0.001)"));
        State back = ModelFiles.loadState(file);

        assertThat(back.numbers().keySet()).isEqualTo(state.numbers().keySet());
        state.numbers().forEach((key, value) -> assertThat(Double.doubleToRawLongBits(back.numbers().get(key)))
                .as(key).isEqualTo(Double.doubleToRawLongBits(value)));
        assertThat(back.tensors().keySet()).containsExactlyInAnyOrderElementsOf(state.tensors().keySet());
        state.tensors().forEach((key, tensor) -> {
            assertThat(back.tensor(key).shape()).as(key).containsExactly(tensor.shape());
            assertThat(bits(back.tensor(key).data())).as(key).containsExactly(bits(tensor.data()));
        });
        assertThat(back.under("inner").number("t", 0)).isEqualTo(7.0);
        assertThat(SafeTensors.read(file).metadata()).containsEntry("optimizer", "adam(lr=0.001)")
                .containsEntry("number:step", "1000.0").containsEntry("number:n1", "-0.0");
    }

    @Test
    void roundTripsAnEmptyState() throws IOException {
        Path file = dir.resolve("empty.safetensors");
        ModelFiles.saveState(file, State.empty(), Map.of());

        assertThat(ModelFiles.loadState(file).isEmpty()).isTrue();
    }

    @Test
    void refusesMetadataThatWouldPassForAStateNumber() {
        Path file = dir.resolve("s.safetensors");
        assertThatThrownBy(() -> ModelFiles.saveState(file, State.empty(), Map.of("number:lr", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("metadata key 'number:lr' starts with 'number:', which a state file keeps for the state's"
                        + " numbers");
    }

    @Test
    void refusesAStateNumberThatDoesNotParse() throws IOException {
        Path file = dir.resolve("s.safetensors");
        SafeTensors.write(file, Map.of(), Map.of("number:lr", "0x1p-3"));

        assertThatThrownBy(() -> ModelFiles.loadState(file)).isInstanceOf(IOException.class)
                .hasMessage(file + ": state number 'lr' is '0x1p-3', expected a number as Double.toString writes it"
                        + " (1.0E-3, -0.0, NaN, Infinity)");
    }

    @Test
    void keepsTheOldModelFileWhenTheModelCannotBeSaved() throws IOException {
        Path file = dir.resolve("model.safetensors");
        ModelFiles.save(file, model(1), Map.of());
        byte[] old = Files.readAllBytes(file);

        assertThatThrownBy(() -> ModelFiles.save(file, Sequential.of(new Linear(1, 1)), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Files.readAllBytes(file)).isEqualTo(old);
        List<Path> left = new ArrayList<>();
        try (var files = Files.list(dir)) {
            files.forEach(left::add);
        }
        assertThat(left).containsExactly(file);
    }
}
