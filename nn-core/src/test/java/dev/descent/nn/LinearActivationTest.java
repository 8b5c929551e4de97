package dev.descent.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.api.InvalidParameterException;
import dev.descent.api.Layer;
import dev.descent.api.Parameter;
import dev.descent.api.Pass;
import dev.descent.api.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Keras's shortcuts on linear: {@code dense(64)} and {@code activation=}. */
class LinearActivationTest {
    private static final Pass TRAINING = Pass.training(new SplittableRandom(0));

    /** A linear layer of given weights: W = [[1, -1], [2, 0.5]], b = [0.5, -3]. */
    private static Linear withWeights(String spec) {
        Linear linear = (Linear) LayerFixtureTest.create(spec);
        linear.initialize(new int[] {2}, new SplittableRandom(1));
        linear.weight().value().copyFrom(Tensor.of(new float[] {1, -1, 2, 0.5f}, 2, 2));
        linear.bias().value().copyFrom(Tensor.vector(0.5f, -3));
        return linear;
    }

    @Test
    void outFeaturesMayBeGivenByPosition() {
        Linear linear = (Linear) LayerFixtureTest.create("dense(64)");

        assertThat(linear.outFeatures()).isEqualTo(64);
        assertThat(linear.activation()).isEmpty();
    }

    @Test
    void outFeaturesIsNotGivenTwice() {
        assertThatThrownBy(() -> LayerFixtureTest.create("dense(64, out_features=32)"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("parameter 'out_features' of layer 'linear' is given both by position and by name");
    }

    @Test
    void theActivationIsAppliedAfterTheAffineMap() {
        Linear linear = withWeights("dense(2, activation=relu)");

        // x = [1, 3]: x W^T + b = [1 - 3 + 0.5, 2 + 1.5 - 3] = [-1.5, 0.5]; relu gives [0, 0.5]
        Tensor y = linear.forward(Tensor.of(new float[] {1, 3}, 1, 2), TRAINING);

        assertThat(y.data()).containsExactly(0f, 0.5f);
    }

    @Test
    void backwardChainsThroughTheActivation() {
        Linear linear = withWeights("dense(2, activation=relu)");
        linear.forward(Tensor.of(new float[] {1, 3}, 1, 2), TRAINING);

        Tensor dX = linear.backward(Tensor.of(new float[] {10, 4}, 1, 2), true);

        // relu passes only the second output's gradient: dZ = [0, 4]; dW = dZ^T x = [[0, 0], [4, 12]], db = [0, 4],
        // dX = dZ W = [8, 2]
        assertThat(linear.weight().gradient().data()).containsExactly(0f, 0f, 4f, 12f);
        assertThat(linear.bias().gradient().data()).containsExactly(0f, 4f);
        assertThat(dX.data()).containsExactly(8f, 2f);
    }

    @Test
    void itsParametersStayWeightAndBias() {
        Layer layer = LayerFixtureTest.create("dense(3, activation=tanh)");
        layer.initialize(new int[] {4}, new SplittableRandom(1));

        assertThat(layer.parameters()).extracting(Parameter::name).containsExactly("weight", "bias");
    }

    @Test
    void aStepInSteadyStateReturnsTheSameTensors() {
        Linear linear = withWeights("dense(2, activation=sigmoid)");
        Tensor x = Tensor.of(new float[] {1, 3, -1, 0}, 2, 2);
        Tensor dY = Tensor.of(new float[] {1, 1, 1, 1}, 2, 2);
        Tensor y1 = linear.forward(x, TRAINING);
        Tensor dX1 = linear.backward(dY, true);

        Tensor y2 = linear.forward(x, TRAINING);
        Tensor dX2 = linear.backward(dY, true);

        assertThat(y2).isSameAs(y1);
        assertThat(dX2).isSameAs(dX1);
    }

    @Test
    void theSpecParsesBack() {
        String spec = "linear(in_features=3, out_features=2, bias=true, activation=leaky_relu(negative_slope=0.2))";

        assertThat(LayerFixtureTest.create(spec)).hasToString(spec);
        assertThat(LayerFixtureTest.create("dense(4, activation=softmax)"))
                .hasToString("linear(out_features=4, bias=true, activation=softmax(dim=-1))");
    }

    @Test
    void anActivationThatChangesTheShapeIsRefused() {
        Layer layer = LayerFixtureTest.create("dense(6, activation=reshape(shape=[2, 3]))");

        assertThatThrownBy(() -> layer.initialize(new int[] {4}, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("linear: activation 'reshape(shape=[2, 3])' turns the per-example shape [6] into [2, 3];"
                        + " an activation must keep the shape (put a layer that changes it after linear instead)");
    }

    @Test
    void anActivationWithParametersIsRefused() {
        Layer layer = LayerFixtureTest.create("dense(3, activation=linear(out_features=3))");

        assertThatThrownBy(() -> layer.initialize(new int[] {4}, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has parameters or buffers");
    }

    @Test
    void aLayerNeverInitialisedStillAppliesItsActivation() {
        Linear linear = new Linear(2, 2, true, dev.descent.nn.init.Initializers.create(
                dev.descent.nn.init.Initializers.TORCH_DEFAULT), new Relu());

        float[] y = linear.forward(Tensor.of(new float[] {5, -7, -3, 9}, 2, 2), Pass.INFERENCE).data();

        for (float value : y) {
            assertThat(value).isGreaterThanOrEqualTo(0f);
        }
    }
}
