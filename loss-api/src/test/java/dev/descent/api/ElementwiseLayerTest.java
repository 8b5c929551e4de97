package dev.descent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ElementwiseLayerTest {
    private static final Pass TRAINING = Pass.training(new SplittableRandom(0));

    /** Softsign, x / (1 + |x|), derivative 1 / (1 + |x|)^2; also records the (x, y) its derivative saw. */
    private static final class Softsign extends ElementwiseLayer {
        final List<double[]> seen = new ArrayList<>();

        Softsign() {
            super("softsign");
        }

        @Override
        protected double value(double x) {
            return x / (1 + Math.abs(x));
        }

        @Override
        protected double derivative(double x, double y) {
            seen.add(new double[] {x, y});
            double d = 1 + Math.abs(x);
            return 1 / (d * d);
        }
    }

    @Test
    void forwardAppliesTheFunctionToEachElement() {
        Tensor output = new Softsign().forward(Tensor.of(new float[] {-3, 0, 1, 4}, 2, 2), Pass.INFERENCE);

        // -3/4, 0, 1/2, 4/5
        assertThat(output.shape()).containsExactly(2, 2);
        assertThat(output.data()).containsExactly(-0.75f, 0f, 0.5f, 0.8f);
    }

    @Test
    void backwardMultipliesTheOutputGradientByTheDerivative() {
        Softsign layer = new Softsign();
        layer.forward(Tensor.vector(-3, 1), TRAINING);

        Tensor inputGradient = layer.backward(Tensor.vector(2, -8), true);

        // 2 / 16 and -8 / 4
        assertThat(inputGradient.data()).containsExactly(0.125f, -2f);
    }

    @Test
    void theDerivativeIsGivenTheInputAndTheStoredOutput() {
        Softsign layer = new Softsign();
        layer.forward(Tensor.vector(1, 3), TRAINING);

        layer.backward(Tensor.vector(1, 1), true);

        assertThat(layer.seen).hasSize(2);
        assertThat(layer.seen.get(0)).containsExactly(1.0, 0.5);
        // y is 3/4 as forward rounded it to float, exact here
        assertThat(layer.seen.get(1)).containsExactly(3.0, 0.75);
    }

    @Test
    void valuesAreComputedInDoubleAndRoundedOnce() {
        ElementwiseLayer cube = new ElementwiseLayer("cube") {
            @Override
            protected double value(double x) {
                return x * x * x;
            }

            @Override
            protected double derivative(double x, double y) {
                return 3 * x * x;
            }
        };
        float x = 1.1f;

        float y = cube.forward(Tensor.vector(x), Pass.INFERENCE).data()[0];

        // (double) x cubed, rounded once; float arithmetic (x * x) * x would round twice
        assertThat(y).isEqualTo((float) ((double) x * x * x));
    }

    @Test
    void nanStaysNaN() {
        Softsign layer = new Softsign();

        Tensor output = layer.forward(Tensor.vector(Float.NaN, 1), TRAINING);
        Tensor inputGradient = layer.backward(Tensor.vector(1, 1), true);

        assertThat(output.data()[0]).isNaN();
        assertThat(inputGradient.data()[0]).isNaN();
        assertThat(output.data()[1]).isEqualTo(0.5f);
    }

    @Test
    void theOutputShapeIsTheInputShape() {
        assertThat(new Softsign().outputShape(new int[] {2, 3, 4})).containsExactly(2, 3, 4);
        assertThat(new Softsign().outputShape(new int[0])).isEmpty();
    }

    @Test
    void forwardAndBackwardReuseTheirTensorsForTheSameShape() {
        Softsign layer = new Softsign();
        Tensor firstOutput = layer.forward(Tensor.zeros(2, 3), TRAINING);
        Tensor firstGradient = layer.backward(Tensor.zeros(2, 3), true);

        Tensor secondOutput = layer.forward(Tensor.zeros(2, 3), TRAINING);
        Tensor secondGradient = layer.backward(Tensor.zeros(2, 3), true);

        assertThat(secondOutput).isSameAs(firstOutput);
        assertThat(secondGradient).isSameAs(firstGradient);
    }

    @Test
    void aSmallerBatchGetsItsOwnTensorsAndTheFullBatchItsOldOnes() {
        Softsign layer = new Softsign();
        Tensor full = layer.forward(Tensor.of(new float[] {1, 3}, 2, 1), Pass.INFERENCE);

        Tensor small = layer.forward(Tensor.of(new float[] {-1}, 1, 1), Pass.INFERENCE);
        assertThat(small.shape()).containsExactly(1, 1);
        assertThat(small.data()).containsExactly(-0.5f);
        Tensor again = layer.forward(Tensor.of(new float[] {1, 3}, 2, 1), Pass.INFERENCE);

        assertThat(again).isSameAs(full);
        assertThat(again.data()).containsExactly(0.5f, 0.75f);
    }

    @Test
    void readsAViewFromItsOffset() {
        Tensor batch = Tensor.of(new float[] {9, 9, 1, 3}, 2, 2);
        Softsign layer = new Softsign();

        Tensor output = layer.forward(batch.rows(1, 2), TRAINING);
        Tensor inputGradient = layer.backward(Tensor.of(new float[] {7, 7, 4, 16}, 2, 2).rows(1, 2), true);

        assertThat(output.data()).containsExactly(0.5f, 0.75f);
        // 4 / 4 and 16 / 16
        assertThat(inputGradient.data()).containsExactly(1f, 1f);
    }

    @Test
    void backwardWithoutTheInputGradientReturnsNull() {
        Softsign layer = new Softsign();
        layer.forward(Tensor.vector(1), TRAINING);

        assertThat(layer.backward(Tensor.vector(1), false)).isNull();
        assertThat(layer.seen).isEmpty();
    }

    @Test
    void backwardWithoutATrainingForwardIsRefused() {
        assertThatThrownBy(() -> new Softsign().backward(Tensor.vector(1), true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("softsign: backward called without a training forward; call"
                        + " forward(input, Pass.training(random)) first");
    }

    @Test
    void anInferenceForwardForgetsTheTrainingOne() {
        Softsign layer = new Softsign();
        layer.forward(Tensor.vector(1), TRAINING);
        layer.forward(Tensor.vector(1), Pass.INFERENCE);

        assertThatThrownBy(() -> layer.backward(Tensor.vector(1), false)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aGradientOfAnotherShapeIsRefusedNamingBothShapes() {
        Softsign layer = new Softsign();
        layer.forward(Tensor.zeros(2, 3), TRAINING);

        assertThatThrownBy(() -> layer.backward(Tensor.zeros(3, 2), true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("softsign: output gradient of shape [3, 2] does not match the output of the last"
                        + " training forward, shape [2, 3]");
        assertThatThrownBy(() -> layer.backward(Tensor.zeros(3, 2), false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theNameIsTheSpec() {
        assertThat(new Softsign().name()).isEqualTo("softsign");
        assertThat(new Softsign()).hasToString("softsign");
        assertThat(new Softsign().parameters()).isEmpty();
    }

    @Test
    void aBlankNameIsRefused() {
        assertThatThrownBy(() -> new ElementwiseLayer(" ") {
            @Override
            protected double value(double x) {
                return x;
            }

            @Override
            protected double derivative(double x, double y) {
                return 1;
            }
        }).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theGradientMatchesACentralDifference() {
        Softsign layer = new Softsign();
        float[] xs = {-2.5f, -0.3f, 0.7f, 1.9f};
        layer.forward(Tensor.vector(xs), TRAINING);
        float[] dX = layer.backward(Tensor.vector(1, 1, 1, 1), true).data();

        double h = 1e-4;
        for (int i = 0; i < xs.length; i++) {
            double numeric = (layer.value(xs[i] + h) - layer.value(xs[i] - h)) / (2 * h);
            assertThat((double) dX[i]).isCloseTo(numeric, within(1e-6));
        }
    }
}
