package dev.descent.nn.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.descent.api.ComponentProvider;
import dev.descent.api.ComponentResolver;
import dev.descent.api.Layer;
import dev.descent.api.Loss;
import dev.descent.api.LossProvider;
import dev.descent.api.Optimizer;
import dev.descent.api.OptimizerProvider;
import dev.descent.api.Parameter;
import dev.descent.api.Params;
import dev.descent.api.Spec;
import dev.descent.api.Tensor;
import dev.descent.nn.LayerFixtureTest;
import dev.descent.nn.Model;
import dev.descent.nn.Sequential;
import dev.descent.nn.data.Dataset;
import dev.descent.nn.graph.GraphModel;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End to end against PyTorch: small models trained for a few steps from PyTorch's initial weights follow
 * PyTorch's loss at every step and end at its weights. Each case is a file
 * {@code fixtures/training/<model>.json} written by {@code tools/fixtures/generate_training_fixtures.py}: the
 * model (layer specs, or the matrix factorisation's sizes), the initial parameters by qualified name, the
 * data, the order the examples are fed in, the loss and optimizer specs, the loss of every step and the
 * final parameters. The models: an MLP 12-16-8-4 (relu, relu, softmax, MSE on one-hot targets, Adam with
 * Keras's eps; and without the softmax, with cross-entropy), a CNN (conv2d, relu, max_pool2d, flatten,
 * linear; cross-entropy; SGD with momentum; each epoch ends with a smaller batch), and BPR matrix
 * factorisation (embeddings with biases, a {@link GraphModel} of the registered layers; Adam). Each is
 * trained by the {@link Trainer}, shuffling off: a fixture fed without shuffling is given as it is, for its
 * epochs; one shuffled by PyTorch's script is given as one epoch of its examples laid out in the order the
 * script fed them.
 *
 * <p>Tolerance: each step's loss within {@value #LOSS_TOLERANCE} relative, each final weight within
 * {@value #WEIGHT_TOLERANCE} times {@code max(1, |weight|)}. Descent sums in another order than PyTorch
 * (and in double where PyTorch sums in float), so each step differs by float32 rounding, a few ulps, and
 * the differences carry through the steps. The fixture records how far PyTorch's own float32 run ends from
 * the same run in float64, the size of that rounding noise over the trajectory; it is about 1e-7 for every
 * model, and {@link #theToleranceIsWellAboveTheTrajectorysOwnRoundingNoise} keeps the tolerance at least
 * 20 times above it. Adam can amplify a rounding difference where a gradient is near zero (its step is
 * about {@code lr * sign(g)} whatever the size of {@code g}); the float64 run would show such an element as
 * a deviation of order {@code lr}, and none of these trajectories has one. Measured on JDK 17 when the
 * fixtures were made, Descent's largest deviations were 1.1e-7 relative on a loss and 5.2e-8 on a weight
 * (about one float32 ulp; the CNN's), the size of the float32-against-float64 noise, so the tolerance
 * leaves a margin of about 100. It still catches a real difference: {@link
 * #aOnePercentLargerLearningRateIsCaught} checks that a learning rate 1% off moves the final weights out of
 * it (by 1.4e-4 to 1.1e-2, 14 to 1100 times the tolerance).
 */
class TrainingTrajectoryTest {
    private static final String FOLDER = "fixtures/training/";
    private static final List<String> MODELS = List.of("mlp_mse", "mlp_cross_entropy", "cnn", "matrix_factorisation");
    private static final ObjectMapper JSON = new ObjectMapper();
    static final double LOSS_TOLERANCE = 1e-5;
    static final double WEIGHT_TOLERANCE = 1e-5;

    /** A fixture file, read. */
    record Fixture(String name, JsonNode root) {}

    /** What a run gives: the loss of each step and the parameters at the end, by name. */
    record Run(List<Double> losses, Map<String, Parameter> parameters) {}

    static Stream<Named<Fixture>> fixtures() throws IOException {
        List<Named<Fixture>> fixtures = new ArrayList<>();
        for (String model : MODELS) {
            try (InputStream in = TrainingTrajectoryTest.class.getClassLoader()
                    .getResourceAsStream(FOLDER + model + ".json")) {
                assertThat(in).as("the test resource %s%s.json", FOLDER, model).isNotNull();
                JsonNode root = JSON.readTree(in);
                fixtures.add(Named.of(model + ": " + root.get("description").asText(), new Fixture(model, root)));
            }
        }
        return fixtures.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void followsPyTorchsLossesAndFinalWeights(Fixture fixture) {
        Run run = train(fixture, 1.0);
        JsonNode root = fixture.root();

        JsonNode expected = root.get("losses");
        assertThat(run.losses()).as("%s: the number of steps", fixture.name()).hasSize(expected.size());
        List<String> off = new ArrayList<>();
        for (int step = 0; step < expected.size(); step++) {
            double e = expected.get(step).asDouble();
            double a = run.losses().get(step);
            if (!(Math.abs(a - e) <= LOSS_TOLERANCE * Math.abs(e))) {
                off.add("step " + step + ": expected " + e + " but was " + a);
            }
        }
        assertThat(off).as("%s: the loss of each step (relative tolerance %s); Descent's %s", fixture.name(),
                LOSS_TOLERANCE, run.losses()).isEmpty();
        root.get("final_parameters").properties().forEach(entry -> {
            Tensor want = LayerFixtureTest.tensor(entry.getValue());
            Tensor got = run.parameters().get(entry.getKey()).value();
            assertThat(got.shape()).as("%s: shape of %s", fixture.name(), entry.getKey())
                    .containsExactly(want.shape());
            assertThat(mismatches(want, got, WEIGHT_TOLERANCE))
                    .as("%s: final %s (tolerance %s x max(1, |w|))", fixture.name(), entry.getKey(), WEIGHT_TOLERANCE)
                    .isEmpty();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void theToleranceIsWellAboveTheTrajectorysOwnRoundingNoise(Fixture fixture) {
        JsonNode float64 = fixture.root().get("float64");

        assertThat(float64.get("loss_relative").asDouble()).as("%s: PyTorch float32 against float64, losses",
                fixture.name()).isLessThan(LOSS_TOLERANCE / 20);
        assertThat(float64.get("weight_absolute").asDouble()).as("%s: PyTorch float32 against float64, weights",
                fixture.name()).isLessThan(WEIGHT_TOLERANCE / 20);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void aOnePercentLargerLearningRateIsCaught(Fixture fixture) {
        Run run = train(fixture, 1.01);

        List<String> off = new ArrayList<>();
        fixture.root().get("final_parameters").properties().forEach(entry -> off.addAll(mismatches(
                LayerFixtureTest.tensor(entry.getValue()), run.parameters().get(entry.getKey()).value(),
                WEIGHT_TOLERANCE)));
        assertThat(off).as("%s: weights after training with lr x 1.01", fixture.name()).isNotEmpty();
    }

    /**
     * Builds the fixture's model, loads its initial parameters and trains it in the fixture's order, with the
     * optimizer's learning rate scaled by {@code lrFactor}.
     */
    private static Run train(Fixture fixture, double lrFactor) {
        JsonNode root = fixture.root();
        Model model = build(root.get("model"));
        Map<String, Parameter> parameters = model.parameters().stream()
                .collect(Collectors.toMap(Parameter::name, Function.identity()));
        List<String> names = new ArrayList<>();
        root.get("initial_parameters").fieldNames().forEachRemaining(names::add);
        assertThat(parameters.keySet()).as("%s: the model's parameter names", fixture.name())
                .containsExactlyInAnyOrderElementsOf(names);
        root.get("initial_parameters").properties().forEach(entry -> {
            Tensor value = LayerFixtureTest.tensor(entry.getValue());
            Tensor target = parameters.get(entry.getKey()).value();
            assertThat(target.shape()).as("%s: shape of %s", fixture.name(), entry.getKey())
                    .containsExactly(value.shape());
            target.copyFrom(value);
        });

        Loss loss = create(LossProvider.class, root.get("loss").asText());
        Optimizer optimizer = create(OptimizerProvider.class, root.get("optimizer").asText());
        optimizer.setLearningRate(optimizer.learningRate() * lrFactor);

        List<Tensor> inputs = new ArrayList<>();
        for (String input : model.inputNames()) {
            JsonNode node = root.get("data").get("inputs").get(input);
            assertThat(node).as("%s: the data of input '%s'", fixture.name(), input).isNotNull();
            inputs.add(LayerFixtureTest.tensor(node));
        }
        Tensor targets = LayerFixtureTest.tensor(root.get("data").get("targets"));
        int batchSize = root.get("batch_size").asInt();
        int epochs = root.get("epochs").asInt();
        int[] order = order(root.get("order"));
        Dataset data;
        if (isIdentity(order, targets.dim(0))) {
            // Not shuffled: the data as they are, every epoch in order, the last batch of each smaller if so.
            data = Dataset.of(inputs, List.of(targets));
        } else {
            // Each epoch in its own order: one epoch of the examples laid out in that order, epoch after epoch.
            assertThat(targets.dim(0) % batchSize).as("%s: a shuffled fixture must have whole batches", fixture.name())
                    .isZero();
            data = Dataset.of(inputs.stream().map(x -> gather(x, order)).toList(), List.of(gather(targets, order)));
            epochs = 1;
        }
        List<Double> losses = new ArrayList<>();
        Trainer trainer = Trainer.builder().model(model).loss(loss).optimizer(optimizer).epochs(epochs)
                .batchSize(batchSize).shuffle(false).seed(1).listener(new TrainingListener() {
                    @Override
                    public void batchEnded(int epoch, int batch, int batches, double value) {
                        losses.add(value);
                    }
                }).build();
        trainer.fit(data);
        return new Run(losses, parameters);
    }

    /** The model a fixture describes, built for its input shape (the weights are overwritten after). */
    private static Model build(JsonNode description) {
        String kind = description.get("kind").asText();
        if (kind.equals("sequential")) {
            List<Layer> layers = new ArrayList<>();
            description.get("layers").forEach(spec -> layers.add(LayerFixtureTest.create(spec.asText())));
            Model model = new Sequential(layers);
            int[] shape = new int[description.get("input_shape").size()];
            for (int axis = 0; axis < shape.length; axis++) {
                shape[axis] = description.get("input_shape").get(axis).asInt();
            }
            model.build(List.<int[]>of(shape), new SplittableRandom(1));
            return model;
        }
        if (kind.equals("matrix_factorisation")) {
            return matrixFactorisation(description.get("users").asInt(), description.get("items").asInt(),
                    description.get("dim").asInt());
        }
        throw new AssertionError("no model kind '" + kind + "' in this test");
    }

    /**
     * Matrix factorisation with biases, {@code score(u, i) = <p_u, q_i> + b_u + b_i}, declared with the
     * registered layers: a user [N, 1] is scored against two items [N, 2] (the positive and the negative) at
     * once, giving the [N, 2] predictions bpr takes.
     */
    static GraphModel matrixFactorisation(int users, int items, int dim) {
        GraphModel model = GraphModel.builder(LayerFixtureTest::create)
                .input("user", 1)
                .input("items", 2)
                .node("user_embedding", "embedding(num_embeddings=" + users + ", embedding_dim=" + dim + ")", "user")
                .node("item_embedding", "embedding(num_embeddings=" + items + ", embedding_dim=" + dim + ")", "items")
                .node("user_bias", "embedding(num_embeddings=" + users + ", embedding_dim=1)", "user")
                .node("item_bias", "embedding(num_embeddings=" + items + ", embedding_dim=1)", "items")
                .node("affinity", "dot", "user_embedding", "item_embedding")    // [1, D] . [2, D] -> [2]
                .node("user_offset", "reshape(shape=[1])", "user_bias")         // [1, 1] -> [1]
                .node("item_offset", "reshape(shape=[2])", "item_bias")         // [2, 1] -> [2]
                .node("score", "add", "affinity", "user_offset", "item_offset") // [2], the [1] broadcast
                .output("score")
                .build();
        model.build(List.of(new int[] {1}, new int[] {2}), new SplittableRandom(1));
        return model;
    }

    /** The component a spec makes, through its provider found by {@link ServiceLoader}, as a config would. */
    private static <T, P extends ComponentProvider<T>> T create(Class<P> kind, String spec) {
        Spec parsed = Spec.parse(spec);
        P provider = ServiceLoader.load(kind).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals(parsed.name()) || p.aliases().contains(parsed.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " named '" + parsed.name()
                        + "' for spec '" + spec + "'"));
        return provider.create(Params.resolve(kind.getSimpleName() + " '" + provider.name() + "'", provider.params(),
                parsed.arguments(), ComponentResolver.NONE));
    }

    /** Every epoch's order, one after the other. */
    private static int[] order(JsonNode epochs) {
        List<Integer> order = new ArrayList<>();
        epochs.forEach(epoch -> epoch.forEach(index -> order.add(index.asInt())));
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Whether {@code order} is 0, 1, ..., n - 1 over and over. */
    private static boolean isIdentity(int[] order, int n) {
        for (int i = 0; i < order.length; i++) {
            if (order[i] != i % n) {
                return false;
            }
        }
        return true;
    }

    /** Rows {@code rows} of {@code source}, in that order, as a new tensor. */
    private static Tensor gather(Tensor source, int[] rows) {
        int[] shape = source.shape();
        int stride = source.size() / shape[0];
        shape[0] = rows.length;
        float[] data = new float[rows.length * stride];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(source.array(), source.offset() + rows[i] * stride, data, i * stride, stride);
        }
        return Tensor.of(data, shape);
    }

    /** The first few elements further from {@code expected} than {@code tolerance * max(1, |expected|)}. */
    private static List<String> mismatches(Tensor expected, Tensor actual, double tolerance) {
        float[] e = expected.data();
        List<String> off = new ArrayList<>();
        for (int i = 0; i < e.length && off.size() < 5; i++) {
            double a = actual.array()[actual.offset() + i];
            if (!(Math.abs(a - e[i]) <= tolerance * Math.max(1, Math.abs(e[i])))) {
                off.add("element " + i + ": expected " + e[i] + " but was " + a);
            }
        }
        return off;
    }
}
