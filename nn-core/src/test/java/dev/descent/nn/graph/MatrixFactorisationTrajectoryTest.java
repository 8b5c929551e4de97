package dev.descent.nn.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.descent.api.Optimizer;
import dev.descent.api.Parameter;
import dev.descent.api.Pass;
import dev.descent.api.Tensor;
import dev.descent.loss.BprLoss;
import dev.descent.optim.Sgd;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The recommender of {@link ExampleModels} trained with {@code bpr} and SGD from PyTorch's initial
 * weights follows PyTorch's loss trajectory and ends with its weights
 * ({@code tools/fixtures/generate_graph_fixtures.py}).
 */
class MatrixFactorisationTrajectoryTest {
    private static final String FIXTURE = "/fixtures/models/matrix_factorisation_bpr.json";
    private static final double TOLERANCE = 1e-5;

    @Test
    void followsPyTorchsLossesAndEndsWithItsWeights() throws IOException {
        JsonNode root;
        try (InputStream stream = getClass().getResourceAsStream(FIXTURE)) {
            assertThat(stream).as(FIXTURE).isNotNull();
            root = new ObjectMapper().readTree(stream);
        }
        GraphModel model = ExampleModels.matrixFactorisation(5, 7, 3, 2).build(new SplittableRandom(0));
        root.get("initial").fields().forEachRemaining(entry -> parameter(model, entry.getKey()).value()
                .copyFrom(tensor(entry.getValue())));
        List<Tensor> inputs = List.of(tensor(root.get("users")), tensor(root.get("items")));
        int batch = inputs.get(0).shape()[0];
        float[] ones = new float[batch];
        Arrays.fill(ones, 1f);
        Tensor targets = Tensor.of(ones, batch);
        Tensor gradient = Tensor.zeros(batch, 2);
        BprLoss bpr = new BprLoss();
        Optimizer sgd = Sgd.builder().lr(root.get("lr").asDouble()).build();
        Pass pass = Pass.training(new SplittableRandom(0));

        JsonNode losses = root.get("losses");
        for (int step = 0; step < losses.size(); step++) {
            model.zeroGradients();
            double loss = bpr.compute(model.forward(inputs, pass).get(0), targets, gradient);
            model.backward(List.of(gradient));
            sgd.step(model.parameters());

            double expected = losses.get(step).asDouble();
            assertThat(loss).as("loss before step %d", step).isCloseTo(expected, within(TOLERANCE * Math.max(1, expected)));
        }
        root.get("final").fields().forEachRemaining(entry -> {
            float[] expected = tensor(entry.getValue()).data();
            float[] actual = parameter(model, entry.getKey()).value().data();
            for (int i = 0; i < expected.length; i++) {
                assertThat(actual[i]).as("%s[%d] after training", entry.getKey(), i)
                        .isCloseTo(expected[i], within((float) (TOLERANCE * Math.max(1, Math.abs(expected[i])))));
            }
        });
    }

    private static Parameter parameter(GraphModel model, String name) {
        return model.parameters().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no parameter '" + name + "' in " + model.parameters()));
    }

    private static Tensor tensor(JsonNode node) {
        int[] shape = new int[node.get("shape").size()];
        for (int axis = 0; axis < shape.length; axis++) {
            shape[axis] = node.get("shape").get(axis).asInt();
        }
        float[] values = new float[node.get("data").size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) node.get("data").get(i).asDouble();
        }
        return Tensor.of(values, shape);
    }
}
