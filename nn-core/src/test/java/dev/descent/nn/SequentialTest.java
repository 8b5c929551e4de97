package dev.descent.nn;

import static dev.descent.nn.GradientCheck.TOLERANCE;
import static dev.descent.nn.GradientCheck.analyticInputGradient;
import static dev.descent.nn.GradientCheck.analyticParameterGradient;
import static dev.descent.nn.GradientCheck.numericInputGradient;
import static dev.descent.nn.GradientCheck.numericParameterGradient;
import static dev.descent.nn.GradientCheck.randomTensor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.api.Pass;
import dev.descent.api.Parameter;
import dev.descent.api.Tensor;
import dev.descent.testkit.FiniteDifferences;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SequentialTest {

    /** linear(3 -> 5), relu, linear(5 -> 2), initialised from seed 31. */
    private static Sequential mlp() {
        Sequential model = Sequential.of(new Linear(3, 5), new Relu(), new Linear(5, 2));
        model.initialize(new int[] {3}, new SplittableRandom(31));
        return model;
    }

    private static Parameter parameter(Sequential model, String name) {
        return model.parameters().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void forwardAndBackwardMatchValuesWorkedByHand() {
        Linear first = new Linear(2, 2, false);
        first.weight().value().copyFrom(Tensor.of(new float[] {1, -1, 2, 1}, 2, 2));
        Linear second = new Linear(2, 1, false);
        second.weight().value().copyFrom(Tensor.of(new float[] {1, 1}, 1, 2));
        Sequential model = Sequential.of(first, new Relu(), second);

        Tensor output = model.forward(Tensor.of(new float[] {1, 2}, 1, 2), Pass.training(new java.util.SplittableRandom(0)));
        Tensor inputGradient = model.backward(Tensor.of(new float[] {1}, 1, 1), true);

        // h = [1*1 - 1*2, 2*1 + 1*2] = [-1, 4]; relu -> [0, 4]; y = 0 + 4 = 4.
        assertThat(output.data()).containsExactly(4f);
        // dy/d(relu out) = [1, 1]; relu mask [0, 1] -> [0, 1]; dx = 0*[1, -1] + 1*[2, 1] = [2, 1].
        assertThat(inputGradient.data()).containsExactly(2f, 1f);
        // dW2 = 1 * [0, 4]; dW1 = [0, 1]^T [1, 2] = [[0, 0], [1, 2]].
        assertThat(second.weight().gradient().data()).containsExactly(0f, 4f);
        assertThat(first.weight().gradient().data()).containsExactly(0f, 0f, 1f, 2f);
    }

    @Test
    void hiddenValuesOfTheCheckedModelStayClearOfTheReluKink() {
        // Precondition of the finite-difference checks below: a step of 1e-3 never crosses relu's kink.
        Sequential model = mlp();
        Tensor hidden = model.layers().get(0).forward(randomTensor(32, 4, 3), Pass.INFERENCE);

        for (float h : hidden.data()) {
            assertThat(Math.abs(h)).isGreaterThan(0.01f);
        }
    }

    @Test
    void inputGradientMatchesFiniteDifferences() {
        Sequential model = mlp();
        Tensor x = randomTensor(32, 4, 3);
        Tensor r = randomTensor(33, 4, 2);

        Tensor analytic = analyticInputGradient(model, x, r);
        Tensor numeric = numericInputGradient(model, x, r);

        assertThat(FiniteDifferences.maxScaledError(analytic, numeric)).isLessThan(TOLERANCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.weight", "0.bias", "2.weight", "2.bias"})
    void parameterGradientMatchesFiniteDifferences(String name) {
        Sequential model = mlp();
        Tensor x = randomTensor(32, 4, 3);
        Tensor r = randomTensor(33, 4, 2);
        Parameter parameter = parameter(model, name);

        Tensor analytic = analyticParameterGradient(model, parameter, x, r);
        Tensor numeric = numericParameterGradient(model, parameter, x, r);

        assertThat(FiniteDifferences.maxScaledError(analytic, numeric)).isLessThan(TOLERANCE);
    }

    @Test
    void parametersAreNamedByLayerIndexAsPyTorchsStateDict() {
        assertThat(mlp().parameters()).extracting(Parameter::name)
                .containsExactly("0.weight", "0.bias", "2.weight", "2.bias");
    }

    @Test
    void renamedParametersShareValueAndGradientWithTheLayers() {
        Linear linear = new Linear(3, 2);
        Sequential model = Sequential.of(linear);

        Parameter weight = model.parameters().get(0);

        assertThat(weight.value()).isSameAs(linear.weight().value());
        assertThat(weight.gradient()).isSameAs(linear.weight().gradient());
    }

    @Test
    void initializeThreadsTheShapeThroughTheLayers() {
        Linear first = Linear.lazy(4, true);
        Linear second = Linear.lazy(2, true);
        Sequential model = Sequential.of(first, new Relu(), second);

        model.initialize(new int[] {3}, new SplittableRandom(1));

        assertThat(first.inFeatures()).hasValue(3);
        assertThat(second.inFeatures()).hasValue(4);
    }

    @Test
    void initializeNamesTheLayerThatDoesNotFitAndBothShapes() {
        Sequential model = Sequential.of(new Linear(3, 4), new Relu(), new Linear(5, 2));

        assertThatThrownBy(() -> model.initialize(new int[] {3}, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Sequential: layer 2 (linear(in_features=5, out_features=2, bias=true)) does not fit"
                        + " per-example shape [4], the output of layer 1 (relu): linear: expected inputs whose"
                        + " last axis has 5 elements (in_features), got per-example shape [4]");
    }

    @Test
    void initializeSaysWhenTheModelInputDoesNotFitTheFirstLayer() {
        Sequential model = Sequential.of(new Linear(3, 4), new Relu());

        assertThatThrownBy(() -> model.initialize(new int[] {6}, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Sequential: layer 0 (linear(in_features=3, out_features=4, bias=true))"
                        + " does not fit per-example shape [6], the model input");
    }

    @Test
    void initializeDrawsEveryLayerFromTheOneGenerator() {
        Sequential model = Sequential.of(new Linear(3, 3), new Linear(3, 3));

        model.initialize(new int[] {3}, new SplittableRandom(1));

        // Drawn in turn from one stream, two layers of one shape start from different weights.
        assertThat(model.parameters().get(0).value().data())
                .isNotEqualTo(model.parameters().get(2).value().data());
    }

    @Test
    void outputShapeThreadsTheShapeThroughTheLayers() {
        assertThat(mlp().outputShape(new int[] {3})).containsExactly(2);
    }

    @Test
    void outputShapeNamesTheLayerThatDoesNotFit() {
        assertThatThrownBy(() -> mlp().outputShape(new int[] {4}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layer 0")
                .hasMessageContaining("[4]");
    }

    @Test
    void zeroGradientsClearsEveryParameterGradient() {
        Sequential model = mlp();
        model.forward(randomTensor(32, 4, 3), Pass.training(new java.util.SplittableRandom(0)));
        model.backward(randomTensor(33, 4, 2), true);

        model.zeroGradients();

        assertThat(model.parameters()).allSatisfy(p -> assertThat(p.gradient().data()).containsOnly(0f));
    }

    @Test
    void backwardWithoutForwardIsRefused() {
        assertThatThrownBy(() -> mlp().backward(Tensor.zeros(4, 2), true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("backward called without a training forward");
    }

    @Test
    void emptySequencePassesItsInputThrough() {
        Sequential model = Sequential.of();
        Tensor x = Tensor.of(new float[] {1, 2}, 1, 2);

        assertThat(model.forward(x, Pass.training(new java.util.SplittableRandom(0))).data()).containsExactly(1f, 2f);
        assertThat(model.outputShape(new int[] {2})).containsExactly(2);
        assertThat(model.parameters()).isEmpty();
    }

    @Test
    void nullLayerIsRefusedWithItsIndex() {
        assertThatThrownBy(() -> Sequential.of(new Relu(), null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("layer 1 is null");
    }

    @Test
    void anIndexLayerAfterTheFirstIsRefused() {
        Sequential model = Sequential.of(new Linear(2, 3),
                new Embedding(5, 2, null, dev.descent.nn.init.Initializers.create("normal")));

        assertThatThrownBy(() -> model.initialize(new int[] {2}, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Sequential: layer 1 (")
                .hasMessageEndingWith("takes indices, not a differentiable input, so it must come first; put it at"
                        + " position 0 or feed it a model input in a graph model");
    }

    @Test
    void aSequenceStartingWithAnIndexLayerTakesIndices() {
        Sequential model = Sequential.of(new Embedding(5, 2, null, dev.descent.nn.init.Initializers.create("normal")),
                new Linear(2, 3));

        assertThat(model.differentiableInput()).isFalse();
        assertThat(Sequential.of(new Linear(2, 3)).differentiableInput()).isTrue();
    }
}
