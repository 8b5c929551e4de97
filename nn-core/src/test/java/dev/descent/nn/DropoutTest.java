package dev.descent.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.Pass;
import dev.descent.api.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** What the PyTorch fixtures cannot show: Descent's own masks, checked statistically and for repeatability. */
class DropoutTest {
    private static final int N = 100_000;

    private static Tensor ones(int... shape) {
        Tensor tensor = Tensor.zeros(shape);
        tensor.fill(1f);
        return tensor;
    }

    @Test
    void keepsAboutOneMinusPOfTheElementsScaledByOneOverOneMinusP() {
        Dropout dropout = new Dropout(0.3);

        float[] y = dropout.forward(ones(1, N), Pass.training(new SplittableRandom(7))).data();

        int kept = 0;
        for (float value : y) {
            if (value != 0) {
                // 1 / (1 - 0.3) = 1.4285714
                assertThat(value).isEqualTo((float) (1 / 0.7));
                kept++;
            }
        }
        // Binomial(100000, 0.7): standard deviation sqrt(n p (1 - p)) = 145, so 5 sigma is 0.0072 of n.
        assertThat(kept / (double) N).isCloseTo(0.7, within(0.0073));
    }

    @Test
    void theOutputIsTheInputOnAverage() {
        Dropout dropout = new Dropout(0.5);
        float[] y = dropout.forward(ones(1, N), Pass.training(new SplittableRandom(8))).data();

        double sum = 0;
        for (float value : y) {
            sum += value;
        }
        // Each element is 0 or 2 with probability 1/2: mean 1, standard deviation of the mean 1/sqrt(n) = 0.0032.
        assertThat(sum / N).isCloseTo(1.0, within(0.016));
    }

    @Test
    void oneSeedGivesOneMaskAndAnotherSeedAnother() {
        Tensor x = ones(4, 50);
        float[] first = new Dropout(0.5).forward(x, Pass.training(new SplittableRandom(1))).data().clone();
        float[] again = new Dropout(0.5).forward(x, Pass.training(new SplittableRandom(1))).data().clone();
        float[] other = new Dropout(0.5).forward(x, Pass.training(new SplittableRandom(2))).data().clone();

        assertThat(again).containsExactly(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void backwardAppliesTheMaskOfTheLastTrainingForward() {
        Dropout dropout = new Dropout(0.5);
        float[] y = dropout.forward(ones(2, 40), Pass.training(new SplittableRandom(3))).data().clone();

        float[] dX = dropout.backward(Tensor.of(filled(80, 3f), 2, 40), true).data();

        // Where the output is 2 (kept, 1 / (1 - 0.5)), the gradient is 3 * 2; where it is 0, the gradient is 0.
        for (int i = 0; i < y.length; i++) {
            assertThat(dX[i]).as("element %d", i).isEqualTo(y[i] * 3f);
        }
    }

    private static float[] filled(int n, float value) {
        float[] values = new float[n];
        java.util.Arrays.fill(values, value);
        return values;
    }

    @Test
    void inferenceIsTheIdentityAndDrawsNothing() {
        Tensor x = Tensor.of(new float[] {1, -2, Float.NaN, 4}, 2, 2);

        Tensor y = new Dropout(0.9).forward(x, Pass.INFERENCE);

        assertThat(y).isNotSameAs(x);
        assertThat(y.data()).containsExactly(1f, -2f, Float.NaN, 4f);
    }

    @Test
    void pZeroInTrainingPassesInputAndGradientUnchanged() {
        Dropout dropout = new Dropout(0);
        Tensor y = dropout.forward(Tensor.of(new float[] {1, -2, 3}, 1, 3), Pass.training(new SplittableRandom(0)));

        Tensor dX = dropout.backward(Tensor.of(new float[] {5, 6, 7}, 1, 3), true);

        assertThat(y.data()).containsExactly(1f, -2f, 3f);
        assertThat(dX.data()).containsExactly(5f, 6f, 7f);
    }

    @Test
    void pOneInTrainingGivesZerosButKeepsNaN() {
        Dropout dropout = new Dropout(1);
        Tensor y = dropout.forward(Tensor.of(new float[] {1, -2, Float.NaN}, 1, 3),
                Pass.training(new SplittableRandom(0)));

        Tensor dX = dropout.backward(Tensor.of(new float[] {5, 6, 7}, 1, 3), true);

        // As PyTorch's input * 0: NaN * 0 is NaN.
        assertThat(y.data()[0]).isZero();
        assertThat(y.data()[1]).isZero();
        assertThat(y.data()[2]).isNaN();
        assertThat(dX.data()).containsOnly(0f);
    }

    @Test
    void aProbabilityOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> new Dropout(1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dropout: probability p has to be between 0 and 1, but got '1.5'");
        assertThatThrownBy(() -> new Dropout(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void backwardAfterAnInferenceForwardIsRefused() {
        Dropout dropout = new Dropout(0.5);
        dropout.forward(ones(1, 3), Pass.training(new SplittableRandom(0)));
        dropout.forward(ones(1, 3), Pass.INFERENCE);

        assertThatThrownBy(() -> dropout.backward(ones(1, 3), true)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("backward called without a training forward");
    }

    @Test
    void aGradientOfAnotherShapeIsRefusedNamingBoth() {
        Dropout dropout = new Dropout(0.5);
        dropout.forward(ones(2, 3), Pass.training(new SplittableRandom(0)));

        assertThatThrownBy(() -> dropout.backward(ones(3, 2), true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[3, 2]").hasMessageContaining("[2, 3]");
    }

    @Test
    void theSpecParsesBack() {
        assertThat(new Dropout(0.25)).hasToString("dropout(p=0.25)");
        assertThat(LayerFixtureTest.create(new Dropout(0.25).toString())).hasToString("dropout(p=0.25)");
    }
}
