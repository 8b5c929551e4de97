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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LinearTest {

    /** x = [[1, 2, 3], [4, 5, 6]]: two examples of three features. */
    private static Tensor handInput() {
        return Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
    }

    /** W = [[1, -1, 0.5], [0.5, 2, 0]], b = [0.5, -1]: every value exact in float. */
    private static Linear handLayer() {
        Linear linear = new Linear(3, 2);
        linear.weight().value().copyFrom(Tensor.of(new float[] {1, -1, 0.5f, 0.5f, 2, 0}, 2, 3));
        linear.bias().value().copyFrom(Tensor.vector(0.5f, -1));
        return linear;
    }

    /** dY = [[1, 0], [2, -1]]. */
    private static Tensor handOutputGradient() {
        return Tensor.of(new float[] {1, 0, 2, -1}, 2, 2);
    }

    @Test
    void forwardComputesInputTimesWeightTransposedPlusBias() {
        Tensor output = handLayer().forward(handInput(), Pass.INFERENCE);

        // y[0,0] = 1*1 + 2*(-1) + 3*0.5 + 0.5 = 1     y[0,1] = 1*0.5 + 2*2 + 3*0 - 1 = 3.5
        // y[1,0] = 4*1 + 5*(-1) + 6*0.5 + 0.5 = 2.5   y[1,1] = 4*0.5 + 5*2 + 6*0 - 1 = 11
        assertThat(output.shape()).containsExactly(2, 2);
        assertThat(output.data()).containsExactly(1f, 3.5f, 2.5f, 11f);
    }

    @Test
    void forwardTreatsLeadingAxesAsBatch() {
        Tensor output = handLayer().forward(handInput().reshape(1, 2, 3), Pass.INFERENCE);

        // The same two rows as above, now under a batch of one: [1, 2, 3] -> [1, 2, 2].
        assertThat(output.shape()).containsExactly(1, 2, 2);
        assertThat(output.data()).containsExactly(1f, 3.5f, 2.5f, 11f);
    }

    @Test
    void weightGradientIsOutputGradientTransposedTimesInput() {
        Linear linear = handLayer();
        linear.forward(handInput(), Pass.training(new java.util.SplittableRandom(0)));

        linear.backward(handOutputGradient(), true);

        // dW = dY^T x: row 0 = 1*[1, 2, 3] + 2*[4, 5, 6] = [9, 12, 15]
        //              row 1 = 0*[1, 2, 3] - 1*[4, 5, 6] = [-4, -5, -6]
        assertThat(linear.weight().gradient().data()).containsExactly(9f, 12f, 15f, -4f, -5f, -6f);
    }

    @Test
    void biasGradientIsOutputGradientSummedOverTheBatch() {
        Linear linear = handLayer();
        linear.forward(handInput(), Pass.training(new java.util.SplittableRandom(0)));

        linear.backward(handOutputGradient(), true);

        // db = [1 + 2, 0 - 1] = [3, -1]
        assertThat(linear.bias().gradient().data()).containsExactly(3f, -1f);
    }

    @Test
    void inputGradientIsOutputGradientTimesWeight() {
        Linear linear = handLayer();
        linear.forward(handInput(), Pass.training(new java.util.SplittableRandom(0)));

        Tensor inputGradient = linear.backward(handOutputGradient(), true);

        // dX = dY W: row 0 = 1*[1, -1, 0.5] + 0*[0.5, 2, 0] = [1, -1, 0.5]
        //            row 1 = 2*[1, -1, 0.5] - 1*[0.5, 2, 0] = [1.5, -4, 1]
        assertThat(inputGradient.shape()).containsExactly(2, 3);
        assertThat(inputGradient.data()).containsExactly(1f, -1f, 0.5f, 1.5f, -4f, 1f);
    }

    @Test
    void gradientsAccumulateOverTwoBackwardCalls() {
        Linear linear = handLayer();
        linear.forward(handInput(), Pass.training(new java.util.SplittableRandom(0)));

        linear.backward(handOutputGradient(), true);
        linear.backward(handOutputGradient(), true);

        // Twice the single-call gradients worked out above.
        assertThat(linear.weight().gradient().data()).containsExactly(18f, 24f, 30f, -8f, -10f, -12f);
        assertThat(linear.bias().gradient().data()).containsExactly(6f, -2f);
    }

    /** Input shapes for the gradient checks: [batch, in] as well as [batch, seq, in]. */
    static Stream<int[]> inputShapes() {
        return Stream.of(new int[] {4, 3}, new int[] {2, 5, 3});
    }

    private static Linear randomLayer() {
        Linear linear = new Linear(3, 4);
        linear.initialize(new int[] {3}, new SplittableRandom(11));
        return linear;
    }

    private static Tensor outputWeights(int[] inputShape) {
        int[] outputShape = inputShape.clone();
        outputShape[outputShape.length - 1] = 4;
        return randomTensor(13, outputShape);
    }

    @ParameterizedTest
    @MethodSource("inputShapes")
    void inputGradientMatchesFiniteDifferences(int[] inputShape) {
        Linear linear = randomLayer();
        Tensor x = randomTensor(12, inputShape);
        Tensor r = outputWeights(inputShape);

        Tensor analytic = analyticInputGradient(linear, x, r);
        Tensor numeric = numericInputGradient(linear, x, r);

        assertThat(FiniteDifferences.maxScaledError(analytic, numeric)).isLessThan(TOLERANCE);
    }

    @ParameterizedTest
    @MethodSource("inputShapes")
    void weightGradientMatchesFiniteDifferences(int[] inputShape) {
        Linear linear = randomLayer();
        Tensor x = randomTensor(12, inputShape);
        Tensor r = outputWeights(inputShape);

        Tensor analytic = analyticParameterGradient(linear, linear.weight(), x, r);
        Tensor numeric = numericParameterGradient(linear, linear.weight(), x, r);

        assertThat(FiniteDifferences.maxScaledError(analytic, numeric)).isLessThan(TOLERANCE);
    }

    @ParameterizedTest
    @MethodSource("inputShapes")
    void biasGradientMatchesFiniteDifferences(int[] inputShape) {
        Linear linear = randomLayer();
        Tensor x = randomTensor(12, inputShape);
        Tensor r = outputWeights(inputShape);

        Tensor analytic = analyticParameterGradient(linear, linear.bias(), x, r);
        Tensor numeric = numericParameterGradient(linear, linear.bias(), x, r);

        assertThat(FiniteDifferences.maxScaledError(analytic, numeric)).isLessThan(TOLERANCE);
    }

    @Test
    void lazyLayerInfersInFeaturesWhenInitialized() {
        Linear linear = Linear.lazy(2, true);

        linear.initialize(new int[] {5}, new SplittableRandom(1));

        assertThat(linear.inFeatures()).hasValue(5);
        assertThat(linear.weight().value().shape()).containsExactly(2, 5);
        assertThat(linear.bias().value().shape()).containsExactly(2);
    }

    @Test
    void lazyLayerInfersInFeaturesFromTheFirstForward() {
        Linear linear = Linear.lazy(2, true);

        Tensor output = linear.forward(Tensor.zeros(4, 7), Pass.INFERENCE);

        assertThat(linear.inFeatures()).hasValue(7);
        assertThat(output.shape()).containsExactly(4, 2);
    }

    @Test
    void lazyLayerKeepsTheInFeaturesItInferred() {
        Linear linear = Linear.lazy(2, true);
        linear.forward(Tensor.zeros(4, 7), Pass.INFERENCE);

        assertThatThrownBy(() -> linear.forward(Tensor.zeros(4, 6), Pass.INFERENCE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("linear: expected inputs whose last axis has 7 elements (in_features),"
                        + " got per-example shape [6]");
    }

    @Test
    void lazyLayerHasNoParametersBeforeItSeesAnInput() {
        Linear linear = Linear.lazy(2, true);

        assertThat(linear.inFeatures()).isEmpty();
        assertThatThrownBy(linear::parameters)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("in_features is not known yet");
    }

    @Test
    void outputShapeReplacesTheLastAxis() {
        assertThat(new Linear(3, 4).outputShape(new int[] {5, 3})).containsExactly(5, 4);
    }

    @Test
    void outputShapeRefusesAMismatchedLastAxis() {
        assertThatThrownBy(() -> new Linear(3, 2).outputShape(new int[] {4}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("linear: expected inputs whose last axis has 3 elements (in_features),"
                        + " got per-example shape [4]");
    }

    @Test
    void forwardRefusesAMismatchedLastAxis() {
        assertThatThrownBy(() -> new Linear(3, 2).forward(Tensor.zeros(2, 4), Pass.training(new java.util.SplittableRandom(0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("linear: expected inputs whose last axis has 3 elements (in_features),"
                        + " got per-example shape [4]");
    }

    @Test
    void forwardRefusesAnInputWithoutBatchAxis() {
        assertThatThrownBy(() -> new Linear(3, 2).forward(Tensor.zeros(3), Pass.training(new java.util.SplittableRandom(0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rank >= 2")
                .hasMessageContaining("[3]");
    }

    @Test
    void initializeRefusesAMismatchedLastAxis() {
        assertThatThrownBy(() -> new Linear(3, 2).initialize(new int[] {2, 4}, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("linear: expected inputs whose last axis has 3 elements (in_features),"
                        + " got per-example shape [2, 4]");
    }

    @Test
    void backwardRefusesAGradientOfTheWrongShape() {
        Linear linear = handLayer();
        linear.forward(handInput(), Pass.training(new java.util.SplittableRandom(0)));

        assertThatThrownBy(() -> linear.backward(Tensor.zeros(2, 3), true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[2, 3]")
                .hasMessageContaining("[2, 2]");
    }

    @Test
    void backwardWithoutForwardIsRefused() {
        Linear linear = handLayer();

        assertThatThrownBy(() -> linear.backward(handOutputGradient(), true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("backward called without a training forward");
    }

    @Test
    void backwardAfterAnInferenceForwardOnlyIsRefused() {
        Linear linear = handLayer();
        linear.forward(handInput(), Pass.INFERENCE);

        assertThatThrownBy(() -> linear.backward(handOutputGradient(), true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("backward called without a training forward");
    }

    @Test
    void initialValuesLieWithinPyTorchsBound() {
        Linear linear = new Linear(64, 50);

        linear.initialize(new int[] {64}, new SplittableRandom(3));

        // PyTorch's reset_parameters: kaiming_uniform(a=sqrt(5)) gives bound gain*sqrt(3/fan_in) with
        // gain = sqrt(2/(1+5)), i.e. 1/sqrt(64) = 0.125, the bias bound too.
        float bound = 0.125f;
        assertThat(maxAbs(linear.weight().value().data())).isLessThanOrEqualTo(bound);
        assertThat(maxAbs(linear.bias().value().data())).isLessThanOrEqualTo(bound);
        // 3200 uniform draws fill the interval: one at least lies beyond 0.9 of the bound.
        assertThat(maxAbs(linear.weight().value().data())).isGreaterThan(0.9f * bound);
    }

    private static float maxAbs(float[] values) {
        float max = 0;
        for (float value : values) {
            max = Math.max(max, Math.abs(value));
        }
        return max;
    }

    @Test
    void initialValuesAreTheSameForTheSameSeed() {
        Linear first = new Linear(4, 3);
        Linear second = new Linear(4, 3);

        first.initialize(new int[] {4}, new SplittableRandom(7));
        second.initialize(new int[] {4}, new SplittableRandom(7));

        assertThat(first.weight().value().data()).containsExactly(second.weight().value().data());
        assertThat(first.bias().value().data()).containsExactly(second.bias().value().data());
    }

    @Test
    void initialValuesDifferForAnotherSeed() {
        Linear first = new Linear(4, 3);
        Linear second = new Linear(4, 3);

        first.initialize(new int[] {4}, new SplittableRandom(7));
        second.initialize(new int[] {4}, new SplittableRandom(8));

        assertThat(first.weight().value().data()).isNotEqualTo(second.weight().value().data());
    }

    @Test
    void aLayerNeverInitializedHoldsTheWeightsOfTheDefaultSeed() {
        Linear initialized = new Linear(3, 2);
        initialized.initialize(new int[] {3}, new SplittableRandom(Linear.DEFAULT_SEED));
        Linear lazy = Linear.lazy(2, true);

        lazy.forward(Tensor.zeros(1, 3), Pass.INFERENCE);

        assertThat(new Linear(3, 2).weight().value().data()).containsExactly(initialized.weight().value().data());
        assertThat(lazy.weight().value().data()).containsExactly(initialized.weight().value().data());
    }

    @Test
    void initializeKeepsTheParameterObjectsAndZeroesTheirGradients() {
        Linear linear = handLayer();
        Parameter weight = linear.weight();
        linear.forward(handInput(), Pass.training(new java.util.SplittableRandom(0)));
        linear.backward(handOutputGradient(), true);

        linear.initialize(new int[] {3}, new SplittableRandom(5));

        assertThat(linear.weight()).isSameAs(weight);
        assertThat(weight.gradient().data()).containsOnly(0f);
    }

    @Test
    void layerWithoutBiasHasOnlyAWeight() {
        Linear linear = new Linear(3, 2, false);

        assertThat(linear.parameters()).extracting(Parameter::name).containsExactly("weight");
    }

    @Test
    void layerWithoutBiasComputesInputTimesWeightTransposed() {
        Linear linear = new Linear(3, 2, false);
        linear.weight().value().copyFrom(Tensor.of(new float[] {1, -1, 0.5f, 0.5f, 2, 0}, 2, 3));

        Tensor output = linear.forward(handInput(), Pass.INFERENCE);

        // The hand-worked values above without the bias [0.5, -1]: [0.5, 4.5, 2, 12].
        assertThat(output.data()).containsExactly(0.5f, 4.5f, 2f, 12f);
    }

    @Test
    void parametersAreNamedWeightAndBias() {
        assertThat(new Linear(3, 2).parameters()).extracting(Parameter::name).containsExactly("weight", "bias");
    }

    @Test
    void outFeaturesBelowOneIsRefused() {
        assertThatThrownBy(() -> new Linear(3, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("linear: out_features must be an integer >= 1, got '0'");
    }

    @Test
    void inFeaturesBelowOneIsRefused() {
        assertThatThrownBy(() -> new Linear(-1, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("linear: in_features must be an integer >= 1, got '-1'");
    }
}
