package dev.descent.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.Reduction;
import dev.descent.api.Tensor;
import dev.descent.testkit.FiniteDifferences;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BprLossTest {
    // Rows (x1, x2, y): (2, 0, 1), (0, 0, 1), (1, 2, -1); y (x1 - x2) = [2, 0, 1];
    // -log sigmoid(.) = [0.1269280, 0.6931472, 0.3132617], summing to 1.1333369.
    private final Tensor pairs = Tensor.of(new float[] {2, 0, 0, 0, 1, 2}, 3, 2);
    private final Tensor targets = Tensor.vector(1f, 1f, -1f);

    @Test
    void meanIsOverPairs() {
        assertThat(new BprLoss().compute(pairs, targets)).isCloseTo(0.3777790, within(1e-6));
    }

    @Test
    void sumAndNoneAddThePairs() {
        assertThat(new BprLoss(Reduction.SUM).compute(pairs, targets)).isCloseTo(1.1333369, within(1e-6));
        assertThat(new BprLoss(Reduction.NONE).compute(pairs, targets)).isCloseTo(1.1333369, within(1e-6));
    }

    @Test
    void unreducedHasOneValuePerPair() {
        Tensor values = new BprLoss().unreduced(pairs, targets);

        assertThat(values.shape()).containsExactly(3);
        assertThat(values.data()).containsExactly(new float[] {0.126928f, 0.6931472f, 0.3132617f}, within(1e-6f));
    }

    @Test
    void gradientIsMinusYSigmoidOfMinusTheSignedGapForX1AndItsNegativeForX2() {
        // -y sigmoid(-y (x1 - x2)): -sigmoid(-2) = -0.1192029, -sigmoid(0) = -0.5, sigmoid(-1) = 0.2689414
        Tensor gradient = Tensor.zeros(3, 2);
        new BprLoss(Reduction.SUM).compute(pairs, targets, gradient);

        assertThat(gradient.data()).containsExactly(
                new float[] {-0.1192029f, 0.1192029f, -0.5f, 0.5f, 0.2689414f, -0.2689414f}, within(1e-6f));
    }

    @Test
    void scoreGapsOfTwentyThousandGiveFiniteValuesAndGradients() {
        // y (x1 - x2) = 2e4: loss ~0, gradient ~0; -2e4: loss 2e4, gradient (-1, 1)
        Tensor gradient = Tensor.zeros(2, 2);
        double value = new BprLoss(Reduction.SUM).compute(Tensor.of(new float[] {1e4f, -1e4f, -1e4f, 1e4f}, 2, 2),
                Tensor.vector(1f, 1f), gradient);

        assertThat(value).isEqualTo(2e4);
        assertThat(gradient.data()).containsExactly(new float[] {0, 0, -1, 1}, within(1e-7f));
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        SplittableRandom random = new SplittableRandom(29);
        float[] x = new float[6 * 2];
        float[] y = new float[6];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextDouble(-3, 3);
        }
        for (int row = 0; row < y.length; row++) {
            y[row] = random.nextBoolean() ? 1 : -1;
        }
        Tensor targets = Tensor.of(y, 6);
        BprLoss loss = new BprLoss();
        Tensor point = Tensor.of(x, 6, 2);
        Tensor numeric = FiniteDifferences.gradient(v -> loss.compute(v, targets), point);
        Tensor analytic = Tensor.zeros(6, 2);

        loss.compute(point, targets, analytic);

        assertThat(FiniteDifferences.maxScaledError(analytic, numeric)).isLessThan(1e-4);
    }

    @Test
    void targetOtherThanPlusOrMinusOneIsRefusedNamingIndexAndValue() {
        assertThatThrownBy(() -> new BprLoss().compute(pairs, Tensor.vector(1f, 0f, 1f)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bpr: target at [1] is '0'; targets must be -1 or 1");
    }

    @Test
    void predictionsThatAreNotPairsAreRefusedNamingBothShapesAndTheLayout() {
        assertThatThrownBy(() -> new BprLoss().compute(Tensor.zeros(3), Tensor.zeros(3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bpr: predictions of shape [3] do not fit targets of shape [3]; expected predictions"
                        + " [N, 2] (x1, x2 stacked on axis 1) and targets [N] of -1 or 1");
    }

    @Test
    void nanScoreMakesValueAndGradientNaN() {
        Tensor gradient = Tensor.zeros(1, 2);
        double value = new BprLoss().compute(Tensor.of(new float[] {Float.NaN, 0}, 1, 2), Tensor.vector(1f),
                gradient);

        assertThat(value).isNaN();
        assertThat(gradient.data()[0]).isNaN();
        assertThat(gradient.data()[1]).isNaN();
    }
}
