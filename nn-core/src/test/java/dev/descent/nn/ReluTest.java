package dev.descent.nn;

import static dev.descent.nn.GradientCheck.TOLERANCE;
import static dev.descent.nn.GradientCheck.analyticInputGradient;
import static dev.descent.nn.GradientCheck.numericInputGradient;
import static dev.descent.nn.GradientCheck.randomTensor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.api.Pass;
import dev.descent.api.Tensor;
import dev.descent.testkit.FiniteDifferences;
import org.junit.jupiter.api.Test;

class ReluTest {

    @Test
    void forwardZeroesTheValuesAtOrBelowZero() {
        Tensor output = new Relu().forward(Tensor.of(new float[] {-2, -0.5f, 0, 0.5f, 3}, 1, 5), Pass.INFERENCE);

        // max(0, x): [-2, -0.5, 0, 0.5, 3] -> [0, 0, 0, 0.5, 3]
        assertThat(output.data()).containsExactly(0f, 0f, 0f, 0.5f, 3f);
    }

    @Test
    void forwardKeepsNaN() {
        Tensor output = new Relu().forward(Tensor.of(new float[] {Float.NaN, -1}, 1, 2), Pass.INFERENCE);

        // As torch.relu(torch.tensor([nan, -1.])) = [nan, 0].
        assertThat(output.data()[0]).isNaN();
        assertThat(output.data()[1]).isZero();
    }

    @Test
    void backwardPassesTheGradientOnlyWhereTheInputIsPositive() {
        Relu relu = new Relu();
        relu.forward(Tensor.of(new float[] {-1, 0, 2}, 1, 3), Pass.training(new java.util.SplittableRandom(0)));

        Tensor inputGradient = relu.backward(Tensor.of(new float[] {5, 6, 7}, 1, 3), true);

        // Derivative 0 at x = -1, 0 at exactly x = 0 (as PyTorch), 1 at x = 2: [0, 0, 7].
        assertThat(inputGradient.data()).containsExactly(0f, 0f, 7f);
    }

    @Test
    void backwardPassesTheGradientWhereTheInputIsNaN() {
        Relu relu = new Relu();
        relu.forward(Tensor.of(new float[] {Float.NaN}, 1, 1), Pass.training(new java.util.SplittableRandom(0)));

        Tensor inputGradient = relu.backward(Tensor.of(new float[] {5}, 1, 1), true);

        // PyTorch's threshold_backward(grad, result, 0) zeroes only where result <= 0, false for NaN.
        assertThat(inputGradient.data()).containsExactly(5f);
    }

    @Test
    void inputGradientMatchesFiniteDifferences() {
        Relu relu = new Relu();
        Tensor x = randomTensor(21, 3, 8);
        // Keep every value at least 0.1 from the kink, where a central difference of step 1e-3 is exact.
        float[] data = x.data();
        for (int i = 0; i < data.length; i++) {
            data[i] += Math.copySign(0.1f, data[i]);
        }
        Tensor r = randomTensor(22, 3, 8);

        Tensor analytic = analyticInputGradient(relu, x, r);
        Tensor numeric = numericInputGradient(relu, x, r);

        assertThat(FiniteDifferences.maxScaledError(analytic, numeric)).isLessThan(TOLERANCE);
    }

    @Test
    void worksOnAnyShape() {
        Relu relu = new Relu();
        Tensor x = Tensor.of(new float[] {-1, 2, -3, 4, 5, -6, 7, -8}, 2, 1, 2, 2);

        Tensor output = relu.forward(x, Pass.training(new java.util.SplittableRandom(0)));
        Tensor inputGradient = relu.backward(Tensor.of(new float[] {1, 1, 1, 1, 1, 1, 1, 1}, 2, 1, 2, 2), true);

        assertThat(relu.outputShape(new int[] {1, 2, 2})).containsExactly(1, 2, 2);
        assertThat(output.shape()).containsExactly(2, 1, 2, 2);
        assertThat(output.data()).containsExactly(0f, 2f, 0f, 4f, 5f, 0f, 7f, 0f);
        assertThat(inputGradient.data()).containsExactly(0f, 1f, 0f, 1f, 1f, 0f, 1f, 0f);
    }

    @Test
    void hasNoParameters() {
        assertThat(new Relu().parameters()).isEmpty();
    }

    @Test
    void backwardWithoutForwardIsRefused() {
        assertThatThrownBy(() -> new Relu().backward(Tensor.zeros(1, 3), true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("backward called without a training forward");
    }

    @Test
    void backwardRefusesAGradientOfTheWrongShape() {
        Relu relu = new Relu();
        relu.forward(Tensor.zeros(2, 3), Pass.training(new java.util.SplittableRandom(0)));

        assertThatThrownBy(() -> relu.backward(Tensor.zeros(3, 2), true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[3, 2]")
                .hasMessageContaining("[2, 3]");
    }
}
