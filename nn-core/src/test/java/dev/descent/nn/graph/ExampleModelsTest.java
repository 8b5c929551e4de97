package dev.descent.nn.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.Loss;
import dev.descent.api.Optimizer;
import dev.descent.api.Parameter;
import dev.descent.api.Pass;
import dev.descent.api.Tensor;
import dev.descent.loss.BprLoss;
import dev.descent.loss.CrossEntropyLoss;
import dev.descent.loss.MarginRankingLoss;
import dev.descent.loss.MseLoss;
import dev.descent.optim.Sgd;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The recommender and the two-head model of {@link ExampleModels}: values by hand, gradients, training. */
class ExampleModelsTest {
    private static final int USERS = 4;
    private static final int ITEMS = 6;
    private static final int DIM = 3;

    private static Parameter parameter(GraphModel model, String name) {
        return model.parameters().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private static void set(GraphModel model, String name, float... values) {
        System.arraycopy(values, 0, parameter(model, name).value().data(), 0, values.length);
    }

    private static Tensor column(float... values) {
        return Tensor.of(values, values.length, 1);
    }

    @Test
    void matrixFactorisationScoresAUserAgainstTwoItemsAsBprsPredictions() {
        GraphModel model = ExampleModels.matrixFactorisation(2, 3, 2, 2).build(new SplittableRandom(1));
        set(model, "user_embedding.weight", 1, 2, /* user 1 */ -1, 0.5f);
        set(model, "item_embedding.weight", 1, 0, /* item 1 */ 0, 1, /* item 2 */ 2, 2);
        set(model, "user_bias.weight", 0.5f, -0.25f);
        set(model, "item_bias.weight", 0.1f, 0.2f, 0.3f);

        Tensor scores = model.forward(List.of(column(0, 1), Tensor.of(new float[] {1, 2, 0, 2}, 2, 2)),
                Pass.INFERENCE).get(0);

        // user 0 = (1, 2): item 1 -> 2 + 0.5 + 0.2, item 2 -> 6 + 0.5 + 0.3.
        // user 1 = (-1, 0.5): item 0 -> -1 - 0.25 + 0.1, item 2 -> -1 - 0.25 + 0.3.
        assertThat(scores.shape()).containsExactly(2, 2);
        float[] s = scores.data();
        assertThat(s[0]).isCloseTo(2.7f, within(1e-6f));
        assertThat(s[1]).isCloseTo(6.8f, within(1e-6f));
        assertThat(s[2]).isCloseTo(-1.15f, within(1e-6f));
        assertThat(s[3]).isCloseTo(-0.95f, within(1e-6f));
        assertThat(model.parameters()).extracting(Parameter::name).containsExactly("user_embedding.weight",
                "item_embedding.weight", "user_bias.weight", "item_bias.weight");
    }

    @Test
    void matrixFactorisationGradientsMatchFiniteDifferences() {
        // User 2 appears twice and item 3 three times, so the embeddings' gradients add up over examples.
        GraphModel model = ExampleModels.matrixFactorisation(USERS, ITEMS, DIM, 2).build(new SplittableRandom(2));
        List<Tensor> inputs = List.of(column(2, 0, 2), Tensor.of(new float[] {3, 1, 3, 5, 0, 3}, 3, 2));

        assertThat(GraphGradients.checkEveryParameter(model, inputs)).isEqualTo(4);
    }

    @Test
    void twoHeadGradientsMatchFiniteDifferences() {
        GraphModel model = ExampleModels.twoHeads(4, 5, 3).build(new SplittableRandom(4));
        Tensor x = Tensor.zeros(3, 4);
        float[] data = x.data();
        SplittableRandom random = new SplittableRandom(8);
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextDouble(-1, 1);
        }

        assertThat(GraphGradients.checkEveryParameter(model, List.of(x))).isEqualTo(6);
    }

    @Test
    void theTrunkGetsTheSumOfWhatBothHeadsSendIt() {
        GraphModel model = ExampleModels.twoHeads(4, 5, 3).build(new SplittableRandom(4));
        List<Tensor> x = List.of(Tensor.of(new float[] {0.1f, -0.2f, 0.3f, 0.4f, 0.5f, -0.6f, 0.7f, 0.8f}, 2, 4));
        Tensor dLogits = Tensor.of(new float[] {0.3f, -0.1f, 0.2f, -0.4f, 0.5f, 0.1f}, 2, 3);
        Tensor dValue = Tensor.of(new float[] {0.7f, -0.9f}, 2, 1);
        Parameter trunk = parameter(model, "trunk.0.weight");

        float[] classOnly = gradient(model, x, Arrays.asList(dLogits, null), trunk);
        float[] valueOnly = gradient(model, x, Arrays.asList(null, dValue), trunk);
        float[] both = gradient(model, x, List.of(dLogits, dValue), trunk);

        for (int i = 0; i < both.length; i++) {
            assertThat(both[i]).isCloseTo(classOnly[i] + valueOnly[i], within(1e-6f));
        }
    }

    private static float[] gradient(GraphModel model, List<Tensor> x, List<Tensor> outputGradients, Parameter p) {
        model.zeroGradients();
        model.forward(x, Pass.training(new SplittableRandom(0)));
        model.backward(outputGradients);
        return p.gradient().data().clone();
    }

    @Test
    void twoHeadsTrainWithOneLossEach() {
        GraphModel model = ExampleModels.twoHeads(4, 8, 3).build(new SplittableRandom(6));
        Tensor x = Tensor.zeros(6, 4);
        SplittableRandom random = new SplittableRandom(10);
        float[] data = x.data();
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextDouble(-1, 1);
        }
        Tensor classes = Tensor.vector(0, 1, 2, 0, 1, 2);
        Tensor values = Tensor.of(new float[] {0.5f, -0.5f, 1, 0, -1, 0.25f}, 6, 1);
        Loss crossEntropy = new CrossEntropyLoss();
        Loss mse = new MseLoss();
        Tensor dLogits = Tensor.zeros(6, 3);
        Tensor dValue = Tensor.zeros(6, 1);
        Optimizer sgd = Sgd.builder().lr(0.1).build();
        Pass pass = Pass.training(new SplittableRandom(0));

        List<Double> losses = new ArrayList<>();
        for (int step = 0; step < 30; step++) {
            model.zeroGradients();
            List<Tensor> outputs = model.forward(List.of(x), pass);
            losses.add(crossEntropy.compute(outputs.get(0), classes, dLogits) + mse.compute(outputs.get(1), values, dValue));
            model.backward(List.of(dLogits, dValue));
            sgd.step(model.parameters());
        }

        assertThat(losses.get(losses.size() - 1)).isLessThan(0.8 * losses.get(0));
    }

    /** (user, positive, negative) triples, as a recommender trained from implicit feedback sees them. */
    private static final float[] USERS_OF_TRIPLES = {0, 1, 2, 3, 0, 1, 2, 3};
    private static final float[] PAIRS_OF_TRIPLES = {0, 3, 1, 4, 2, 5, 3, 0, 1, 5, 2, 4, 0, 3, 5, 1};

    @Test
    void sgdWithBprRanksThePositiveItemsHigher() {
        GraphModel model = ExampleModels.matrixFactorisation(USERS, ITEMS, DIM, 2).build(new SplittableRandom(7));
        List<Tensor> inputs = List.of(column(USERS_OF_TRIPLES), Tensor.of(PAIRS_OF_TRIPLES, 8, 2));
        Tensor targets = Tensor.of(filled(8, 1f), 8);

        List<Double> losses = train(model, new BprLoss(), inputs, targets, 0.5, 40);

        assertThat(losses.get(1)).isLessThan(losses.get(0));
        assertThat(losses.get(losses.size() - 1)).isLessThan(0.5 * losses.get(0));
    }

    @Test
    void sgdWithMarginRankingTrainsTheSameModel() {
        GraphModel model = ExampleModels.matrixFactorisation(USERS, ITEMS, DIM, 2).build(new SplittableRandom(7));
        List<Tensor> inputs = List.of(column(USERS_OF_TRIPLES), Tensor.of(PAIRS_OF_TRIPLES, 8, 2));
        Tensor targets = Tensor.of(filled(8, 1f), 8);

        List<Double> losses = train(model, new MarginRankingLoss(1.0, dev.descent.api.Reduction.MEAN), inputs, targets,
                0.1, 40);

        assertThat(losses.get(losses.size() - 1)).isLessThan(0.5 * losses.get(0));
    }

    @Test
    void weightsTrainedOnTriplesScorePairsWithTheSameModelDeclaredForOneItem() {
        GraphModel triples = ExampleModels.matrixFactorisation(USERS, ITEMS, DIM, 2).build(new SplittableRandom(7));
        List<Tensor> inputs = List.of(column(USERS_OF_TRIPLES), Tensor.of(PAIRS_OF_TRIPLES, 8, 2));
        train(triples, new BprLoss(), inputs, Tensor.of(filled(8, 1f), 8), 0.5, 10);
        GraphModel pairs = ExampleModels.matrixFactorisation(USERS, ITEMS, DIM, 1).build(new SplittableRandom(0));
        for (Parameter parameter : pairs.parameters()) {
            parameter.value().copyFrom(parameter(triples, parameter.name()).value());
        }

        float[] both = triples.forward(inputs, Pass.INFERENCE).get(0).data();
        Tensor positives = column(0, 1, 2, 3, 1, 2, 0, 5);
        Tensor pairScores = pairs.forward(List.of(column(USERS_OF_TRIPLES), positives), Pass.INFERENCE).get(0);

        assertThat(pairScores.shape()).containsExactly(8, 1);
        for (int n = 0; n < 8; n++) {
            assertThat(pairScores.data()[n]).isCloseTo(both[2 * n], within(1e-6f));
        }
    }

    private static List<Double> train(GraphModel model, Loss loss, List<Tensor> inputs, Tensor targets, double lr,
            int steps) {
        Optimizer sgd = Sgd.builder().lr(lr).build();
        Pass pass = Pass.training(new SplittableRandom(0));
        Tensor gradient = Tensor.zeros(targets.shape()[0], 2);
        List<Double> losses = new ArrayList<>();
        for (int step = 0; step < steps; step++) {
            model.zeroGradients();
            Tensor scores = model.forward(inputs, pass).get(0);
            losses.add(loss.compute(scores, targets, gradient));
            model.backward(List.of(gradient));
            sgd.step(model.parameters());
        }
        return losses;
    }

    private static float[] filled(int n, float value) {
        float[] values = new float[n];
        Arrays.fill(values, value);
        return values;
    }
}
