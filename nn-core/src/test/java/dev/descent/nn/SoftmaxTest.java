package dev.descent.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.Pass;
import dev.descent.api.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SoftmaxTest {

    @Test
    void rowsOfEqualLogitsAreUniform() {
        Tensor y = Softmax.softmax(-1).forward(Tensor.of(new float[] {2, 2, 2, 2, 0, 0, 0, 0}, 2, 4), Pass.INFERENCE);

        assertThat(y.data()).containsOnly(0.25f);
    }

    @Test
    void hugeLogitsDoNotOverflow() {
        // e^1000 is infinite even in double: only the row maximum subtracted first gives [1/(1+e^-1), e^-1/(1+e^-1)].
        Tensor y = Softmax.softmax(1).forward(Tensor.of(new float[] {1000, 999}, 1, 2), Pass.INFERENCE);
        Tensor logY = Softmax.logSoftmax(1).forward(Tensor.of(new float[] {1000, 999}, 1, 2), Pass.INFERENCE);

        assertThat((double) y.data()[0]).isCloseTo(1 / (1 + Math.exp(-1)), within(1e-7));
        assertThat((double) logY.data()[1]).isCloseTo(-1 - Math.log1p(Math.exp(-1)), within(1e-6));
    }

    @Test
    void aNaNSpreadsToItsSliceOnly() {
        Tensor y = Softmax.softmax(-1).forward(Tensor.of(new float[] {Float.NaN, 1, 0, 0}, 2, 2), Pass.INFERENCE);

        assertThat(y.data()[0]).isNaN();
        assertThat(y.data()[1]).isNaN();
        assertThat(y.data()[2]).isEqualTo(0.5f);
    }

    @Test
    void dimOneOfARankThreeBatchNormalisesTheChannelsAtEachPosition() {
        // [1, 2, 2]: channels (1, 3) at position 0 and (0, 0) at position 1.
        Tensor y = Softmax.softmax(1).forward(Tensor.of(new float[] {1, 0, 3, 0}, 1, 2, 2), Pass.INFERENCE);

        double e = Math.exp(-2);
        assertThat((double) y.data()[0]).isCloseTo(e / (1 + e), within(1e-7));
        assertThat((double) y.data()[2]).isCloseTo(1 / (1 + e), within(1e-7));
        assertThat(y.data()[1]).isEqualTo(0.5f);
        assertThat(y.data()[3]).isEqualTo(0.5f);
    }

    @Test
    void theGradientOfASoftmaxAgainstOnesIsZero() {
        // y sums to 1 along the axis, so d(sum y)/dx = y (1 - sum y) = 0.
        Softmax softmax = Softmax.softmax(-1);
        softmax.forward(Tensor.of(new float[] {0.3f, -1, 2}, 1, 3), Pass.training(new SplittableRandom(0)));

        float[] dX = softmax.backward(Tensor.of(new float[] {1, 1, 1}, 1, 3), true).data();

        for (float value : dX) {
            assertThat((double) value).isCloseTo(0, within(1e-7));
        }
    }

    @Test
    void theBatchAxisIsRefused() {
        assertThatThrownBy(() -> Softmax.softmax(0).outputShape(new int[] {3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("softmax: dim=0 does not name an axis of an example in a batch of rank 2 (it is the"
                        + " batch axis); expected one of 1..1 or -1..-1");
        assertThatThrownBy(() -> Softmax.logSoftmax(-3).forward(Tensor.zeros(2, 3), Pass.INFERENCE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("log_softmax: dim=-3");
    }

    @Test
    void anAxisBeyondTheRankIsRefused() {
        assertThatThrownBy(() -> Softmax.softmax(3).outputShape(new int[] {2, 3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("softmax: dim=3 does not name an axis of an example in a batch of rank 3; expected one"
                        + " of 1..2 or -2..-1");
    }

    @Test
    void backwardWithoutATrainingForwardIsRefused() {
        assertThatThrownBy(() -> Softmax.softmax(-1).backward(Tensor.zeros(1, 2), true))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theSpecsParseBack() {
        assertThat(Softmax.softmax(-1)).hasToString("softmax(dim=-1)");
        assertThat(LayerFixtureTest.create(Softmax.logSoftmax(2).toString())).hasToString("log_softmax(dim=2)");
    }
}
