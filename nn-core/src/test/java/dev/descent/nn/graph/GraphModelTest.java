package dev.descent.nn.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.api.ComponentResolver;
import dev.descent.api.Layer;
import dev.descent.api.LayerProvider;
import dev.descent.api.Parameter;
import dev.descent.api.Params;
import dev.descent.api.Pass;
import dev.descent.api.Spec;
import dev.descent.api.Tensor;
import dev.descent.nn.Linear;
import dev.descent.nn.Model.LayerSummary;
import dev.descent.nn.Relu;
import dev.descent.nn.Sequential;
import dev.descent.nn.merge.Add;
import dev.descent.nn.merge.Concat;
import dev.descent.nn.merge.Multiply;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GraphModelTest {

    /**
     * x [2] -> h = linear(2 -> 2) -> r = relu(h); sum = add(h, r) (h feeds two nodes); value = linear(2 -> 1)(r).
     * Outputs sum and value.
     */
    private static GraphModel fanOut() {
        return GraphModel.builder()
                .input("x", 2)
                .node("h", new Linear(2, 2), "x")
                .node("r", new Relu(), "h")
                .node("sum", new Add(), "h", "r")
                .node("value", new Linear(2, 1), "r")
                .output("sum", "value")
                .build()
                .build(new SplittableRandom(3));
    }

    private static void set(GraphModel model, String name, float... values) {
        Parameter parameter = model.parameters().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
        System.arraycopy(values, 0, parameter.value().data(), 0, values.length);
    }

    private static Parameter parameter(GraphModel model, String name) {
        return model.parameters().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private static GraphModel handWorked() {
        GraphModel model = fanOut();
        set(model, "h.weight", 1, 2, 3, -4);
        set(model, "h.bias", 0.5f, -0.5f);
        set(model, "value.weight", 2, 1);
        set(model, "value.bias", 0.25f);
        return model;
    }

    @Test
    void forwardGivesTheValuesWorkedByHand() {
        // h = [1 + 2 + 0.5, 3 - 4 - 0.5] = [3.5, -1.5]; r = [3.5, 0]; sum = [7, -1.5]; value = 2 * 3.5 + 0.25.
        List<Tensor> outputs = handWorked().forward(List.of(Tensor.of(new float[] {1, 1}, 1, 2)), Pass.INFERENCE);

        assertThat(outputs.get(0).data()).containsExactly(7f, -1.5f);
        assertThat(outputs.get(1).data()).containsExactly(7.25f);
    }

    @Test
    void backwardSumsTheGradientsOfANodeThatFeedsSeveral() {
        GraphModel model = handWorked();
        model.forward(List.of(Tensor.of(new float[] {1, 1}, 1, 2)), Pass.training(new SplittableRandom(0)));
        model.backward(List.of(Tensor.of(new float[] {1, 1}, 1, 2), Tensor.of(new float[] {1}, 1, 1)));

        // dr = [1, 1] (sum) + W_value^T (value) = [3, 2]; dh = [1, 1] (sum) + relu'(h) dr = [4, 1].
        assertThat(parameter(model, "h.weight").gradient().data()).containsExactly(4f, 4f, 1f, 1f);
        assertThat(parameter(model, "h.bias").gradient().data()).containsExactly(4f, 1f);
        assertThat(parameter(model, "value.weight").gradient().data()).containsExactly(3.5f, 0f);
        assertThat(parameter(model, "value.bias").gradient().data()).containsExactly(1f);
    }

    @Test
    void anOutputWithoutAGradientContributesNothing() {
        GraphModel model = handWorked();
        model.forward(List.of(Tensor.of(new float[] {1, 1}, 1, 2)), Pass.training(new SplittableRandom(0)));
        model.backward(Arrays.asList(null, Tensor.of(new float[] {1}, 1, 1)));

        // dr = [2, 1]; dh = relu'(h) dr = [2, 0].
        assertThat(parameter(model, "h.bias").gradient().data()).containsExactly(2f, 0f);
    }

    @Test
    void everyParameterGradientMatchesFiniteDifferencesThroughTheGraph() {
        GraphModel model = fanOut();
        Tensor x = Tensor.of(new float[] {0.3f, -0.7f, 0.9f, 0.2f, -0.4f, 0.6f}, 3, 2);

        assertThat(GraphGradients.checkEveryParameter(model, List.of(x))).isEqualTo(4);
    }

    @Test
    void parametersAreNamedByNodeOnceAtBuild() {
        GraphModel model = ExampleModels.twoHeads(4, 5, 3).build(new SplittableRandom(1));

        assertThat(model.parameters()).extracting(Parameter::name).containsExactly("trunk.0.weight", "trunk.0.bias",
                "class_logits.weight", "class_logits.bias", "value.weight", "value.bias");
        assertThat(model.parameters()).isSameAs(model.parameters());
        Sequential trunk = (Sequential) model.layer("trunk");
        assertThat(model.parameters().get(0).value()).isSameAs(trunk.parameters().get(0).value());
    }

    @Test
    void buildingTwiceFromOneSeedGivesTheSameWeights() {
        GraphModel a = ExampleModels.twoHeads(4, 5, 3).build(new SplittableRandom(9));
        GraphModel b = ExampleModels.twoHeads(4, 5, 3).build(new SplittableRandom(9));

        for (int p = 0; p < a.parameters().size(); p++) {
            assertThat(a.parameters().get(p).value().data()).containsExactly(b.parameters().get(p).value().data());
        }
    }

    @Test
    void reusesItsTensorsWhileTheBatchSizeStays() {
        GraphModel model = fanOut();
        Tensor x = Tensor.of(new float[] {0.3f, -0.7f, 0.9f, 0.2f}, 2, 2);
        List<Tensor> first = List.copyOf(model.forward(List.of(x), Pass.INFERENCE));
        List<Tensor> second = model.forward(List.of(x), Pass.INFERENCE);

        assertThat(second.get(0)).isSameAs(first.get(0));
        assertThat(second.get(1)).isSameAs(first.get(1));
    }

    @Test
    void aSmallerBatchGivesTheOutputsOfThoseExamples() {
        GraphModel model = fanOut();
        Tensor x = Tensor.of(new float[] {0.3f, -0.7f, 0.9f, 0.2f, -0.4f, 0.6f}, 3, 2);
        float[] full = model.forward(List.of(x), Pass.INFERENCE).get(1).data().clone();
        float[] head = model.forward(List.of(x.rows(0, 2).copy()), Pass.INFERENCE).get(1).data().clone();

        assertThat(head).containsExactly(full[0], full[1]);
    }

    @Test
    void summaryListsInputsAndNodesInForwardOrder() {
        List<LayerSummary> rows = ExampleModels.twoHeads(4, 5, 3).build(new SplittableRandom(1)).summary();

        assertThat(rows).extracting(LayerSummary::name).containsExactly("x", "trunk", "class_logits", "value");
        assertThat(rows).extracting(LayerSummary::parameters).containsExactly(0L, 25L, 18L, 6L);
        assertThat(rows.get(2).outputShape()).containsExactly(3);
    }

    @Test
    void firstNonFiniteOutputNamesTheNode() {
        GraphModel model = handWorked();
        set(model, "value.bias", Float.NaN);
        model.forward(List.of(Tensor.of(new float[] {1, 1}, 1, 2)), Pass.INFERENCE);

        assertThat(model.firstNonFiniteOutput()).contains("node 'value' (linear(in_features=2, out_features=1, bias=true))");
        set(model, "value.bias", 0f);
        model.forward(List.of(Tensor.of(new float[] {1, 1}, 1, 2)), Pass.INFERENCE);
        assertThat(model.firstNonFiniteOutput()).isEmpty();
    }

    @Test
    void nodesMayBeGivenAsSpecs() {
        GraphModel model = GraphModel.builder(GraphModelTest::layer)
                .input("a", 3)
                .input("b", 3)
                .node("joined", "concat", "a", "b")
                .node("hidden", "dense(out_features=4)", "joined")
                .node("score", "linear(out_features=1)", "hidden")
                .output("score")
                .build()
                .build(new SplittableRandom(5));

        assertThat(model.outputShapes().get(0)).containsExactly(1);
        assertThat(model.layer("joined")).isInstanceOf(Concat.class);
        assertThat(model.parameters()).extracting(Parameter::name)
                .containsExactly("hidden.weight", "hidden.bias", "score.weight", "score.bias");
        assertThat(parameter(model, "hidden.weight").value().shape()).containsExactly(4, 6);
    }

    /** A layer from a spec through the registered providers, as an application's registry makes it. */
    private static Layer layer(String spec) {
        Spec parsed = Spec.parse(spec);
        LayerProvider provider = ServiceLoader.load(LayerProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals(parsed.name()) || p.aliases().contains(parsed.name())).findFirst()
                .orElseThrow();
        return provider.create(Params.resolve("layer '" + provider.name() + "'", provider.params(),
                parsed.arguments(), ComponentResolver.NONE));
    }

    @Test
    void aSpecWithoutAFactoryIsRefused() {
        assertThatThrownBy(() -> GraphModel.builder().input("x", 2).node("h", "relu", "x"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("node 'h' is given as the spec 'relu'");
    }

    // --- validation ---

    @Test
    void aRepeatedNameIsRefused() {
        assertThatThrownBy(() -> GraphModel.builder().input("x", 2).node("x", new Relu(), "x").output("x").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("GraphModel: the name 'x' is used twice (the second time by a node); inputs and nodes"
                        + " need unique names");
    }

    @Test
    void anUnknownInputIsRefusedWithTheNearestName() {
        assertThatThrownBy(() -> GraphModel.builder().input("user", 1)
                .node("user_embedding", new Relu(), "user")
                .node("score", new Relu(), "user_embeding")
                .output("score").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("GraphModel: node 'score' takes 'user_embeding', which is neither an input"
                        + " nor a node; did you mean 'user_embedding'?");
    }

    @Test
    void anUnknownOutputIsRefusedWithTheNearestName() {
        assertThatThrownBy(() -> GraphModel.builder().input("x", 2).node("score", new Relu(), "x").output("scor").build())
                .hasMessageStartingWith("GraphModel: output 'scor' is not a node; did you mean 'score'?");
    }

    @Test
    void aCycleIsRefusedNamingItsNodes() {
        assertThatThrownBy(() -> GraphModel.builder().input("x", 2)
                .node("a", new Add(), "x", "c")
                .node("b", new Relu(), "a")
                .node("c", new Relu(), "b")
                .output("c").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("GraphModel: the nodes form a cycle: a -> b -> c -> a; a graph model must be acyclic");
    }

    @Test
    void aNodeNoOutputDependsOnIsRefused() {
        assertThatThrownBy(() -> GraphModel.builder().input("x", 2)
                .node("a", new Relu(), "x")
                .node("unused", new Relu(), "x")
                .output("a").build())
                .hasMessage("GraphModel: node 'unused' (relu) feeds no output (outputs: a); name it in output(...)"
                        + " or remove it");
    }

    @Test
    void aSingleInputLayerGivenTwoInputsIsRefused() {
        assertThatThrownBy(() -> GraphModel.builder().input("a", 2).input("b", 2)
                .node("h", new Relu(), "a", "b")
                .output("h").build())
                .hasMessage("GraphModel: node 'h' holds relu, a single-input layer, but names 2 inputs [a, b]; only a"
                        + " merge layer (add, concat, ...) takes several");
    }

    @Test
    void aLayerThatDoesNotFitItsInputsIsRefusedAtBuildNamingTheNode() {
        assertThatThrownBy(() -> GraphModel.builder().input("a", 2).input("b", 3)
                .node("product", new Multiply(), "a", "b")
                .output("product").build())
                .hasMessageStartingWith("GraphModel: node 'product' (multiply) does not fit its per-example inputs"
                        + " 'a' [2], 'b' [3]: multiply: per-example input shapes [2], [3] do not broadcast");
    }

    @Test
    void aMergeLayerGivenOneInputIsRefused() {
        assertThatThrownBy(() -> GraphModel.builder().input("a", 2).node("s", new Add(), "a").output("s").build())
                .hasMessageContaining("add: takes at least 2 inputs, got 1 ([2])");
    }

    @Test
    void oneLayerObjectInTwoNodesIsRefused() {
        Relu relu = new Relu();
        assertThatThrownBy(() -> GraphModel.builder().input("a", 2)
                .node("r1", relu, "a").node("r2", relu, "r1").output("r2").build())
                .hasMessageContaining("node 'r2' holds a layer object another node holds already");
    }

    @Test
    void inputsOfTheWrongShapeAreRefusedNamingTheInput() {
        GraphModel model = fanOut();
        assertThatThrownBy(() -> model.forward(List.of(Tensor.zeros(2, 3)), Pass.INFERENCE))
                .hasMessage("GraphModel: input 'x' has shape [2, 3]; expected a batch of per-example shape [2]");
    }

    @Test
    void backwardWithoutATrainingForwardIsRefused() {
        GraphModel model = fanOut();
        model.forward(List.of(Tensor.zeros(1, 2)), Pass.INFERENCE);
        assertThatThrownBy(() -> model.backward(List.of(Tensor.zeros(1, 2), Tensor.zeros(1, 1))))
                .isInstanceOf(IllegalStateException.class);
    }

    /** Relu that records the inputGradient flag of its last backward. */
    private static final class RecordingRelu implements Layer {
        private final Relu relu = new Relu();
        Boolean asked;

        @Override
        public int[] outputShape(int[] inputShape) {
            return relu.outputShape(inputShape);
        }

        @Override
        public Tensor forward(Tensor input, Pass pass) {
            return relu.forward(input, pass);
        }

        @Override
        public Tensor backward(Tensor outputGradient, boolean inputGradient) {
            asked = inputGradient;
            return relu.backward(outputGradient, inputGradient);
        }
    }

    @Test
    void noLayerIsAskedForTheGradientOfAModelInput() {
        RecordingRelu first = new RecordingRelu();
        RecordingRelu second = new RecordingRelu();
        GraphModel model = GraphModel.builder().input("x", 2)
                .node("first", first, "x").node("second", second, "first").output("second")
                .build().build(new SplittableRandom(1));
        model.forward(List.of(Tensor.of(new float[] {1, -1}, 1, 2)), Pass.training(new SplittableRandom(0)));
        model.backward(List.of(Tensor.of(new float[] {1, 1}, 1, 2)));

        assertThat(first.asked).isFalse();
        assertThat(second.asked).isTrue();
    }
}
