package dev.descent.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.Reduction;
import dev.descent.api.Tensor;
import dev.descent.testkit.FiniteDifferences;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MarginRankingLossTest {
    // Rows (x1, x2, y): (2, 1, 1), (1, 3, 1), (0.5, 2, -1), (3, 1, -1); -y (x1 - x2) = [-1, 2, -1.5, 2].
    // margin 0: max(0, .) = [0, 2, 0, 2], summing to 4.
    private final Tensor pairs = Tensor.of(new float[] {2, 1, 1, 3, 0.5f, 2, 3, 1}, 4, 2);
    private final Tensor targets = Tensor.vector(1f, 1f, -1f, -1f);

    @Test
    void meanIsOverPairs() {
        assertThat(new MarginRankingLoss().compute(pairs, targets)).isEqualTo(1.0);
    }

    @Test
    void sumAndNoneAddThePairs() {
        assertThat(new MarginRankingLoss(0, Reduction.SUM).compute(pairs, targets)).isEqualTo(4.0);
        assertThat(new MarginRankingLoss(0, Reduction.NONE).compute(pairs, targets)).isEqualTo(4.0);
    }

    @Test
    void unreducedHasOneValuePerPair() {
        Tensor values = new MarginRankingLoss().unreduced(pairs, targets);

        assertThat(values.shape()).containsExactly(4);
        assertThat(values.data()).containsExactly(0f, 2f, 0f, 2f);
    }

    @Test
    void gradientIsMinusYForX1AndYForX2WhereActive() {
        // Rows 1 and 3 are active: (-1, 1) for y = 1 and (1, -1) for y = -1
        Tensor gradient = Tensor.zeros(4, 2);
        new MarginRankingLoss(0, Reduction.SUM).compute(pairs, targets, gradient);

        assertThat(gradient.data()).containsExactly(new float[] {0, 0, -1, 1, 0, 0, 1, -1}, within(0f));
    }

    @Test
    void marginIsAddedAndAPairExactlyAtItKeepsItsGradientAsPytorchsClampMin() {
        // margin 1.5: [0.5, 3.5, 0, 3.5], summing to 7.5; row 2 sits at the margin (-1.5 + 1.5 = 0) and is active
        Tensor gradient = Tensor.zeros(4, 2);
        double value = new MarginRankingLoss(1.5, Reduction.SUM).compute(pairs, targets, gradient);

        assertThat(value).isEqualTo(7.5);
        assertThat(gradient.data()).containsExactly(-1, 1, -1, 1, 1, -1, 1, -1);
    }

    @Test
    void gradientMatchesFiniteDifferencesAwayFromTheMargin() {
        SplittableRandom random = new SplittableRandom(23);
        float[] x = new float[6 * 2];
        float[] y = new float[6];
        for (int row = 0; row < y.length; row++) {
            y[row] = random.nextBoolean() ? 1 : -1;
            x[2 * row] = (float) random.nextDouble(-2, 2);
            // -y (x1 - x2) + 0.5 at least 0.05 from 0
            double gap = (random.nextBoolean() ? 1 : -1) * random.nextDouble(0.05, 1) - 0.5;
            x[2 * row + 1] = (float) (x[2 * row] - gap / -y[row]);
        }
        Tensor targets = Tensor.of(y, 6);
        MarginRankingLoss loss = new MarginRankingLoss(0.5, Reduction.MEAN);
        Tensor point = Tensor.of(x, 6, 2);
        Tensor numeric = FiniteDifferences.gradient(v -> loss.compute(v, targets), point);
        Tensor analytic = Tensor.zeros(6, 2);

        loss.compute(point, targets, analytic);

        assertThat(FiniteDifferences.maxScaledError(analytic, numeric)).isLessThan(1e-4);
    }

    @Test
    void targetOtherThanPlusOrMinusOneIsRefusedNamingIndexAndValue() {
        assertThatThrownBy(() -> new MarginRankingLoss().compute(pairs, Tensor.vector(1f, 1f, 0.5f, -1f)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("margin_ranking: target at [2] is '0.5'; targets must be -1 or 1");
    }

    @Test
    void predictionsThatAreNotPairsAreRefusedNamingBothShapesAndTheLayout() {
        assertThatThrownBy(() -> new MarginRankingLoss().compute(Tensor.zeros(4, 3), Tensor.zeros(4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("margin_ranking: predictions of shape [4, 3] do not fit targets of shape [4]; expected"
                        + " predictions [N, 2] (x1, x2 stacked on axis 1) and targets [N] of -1 or 1");
    }

    @Test
    void targetsOfAnotherLengthAreRefused() {
        assertThatThrownBy(() -> new MarginRankingLoss().unreduced(Tensor.zeros(4, 2), Tensor.zeros(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[4, 2]")
                .hasMessageContaining("[5]");
    }

    @Test
    void nanScoreMakesTheValueNaNWithPytorchsZeroGradient() {
        Tensor gradient = Tensor.zeros(1, 2);
        double value = new MarginRankingLoss().compute(Tensor.of(new float[] {Float.NaN, 0}, 1, 2),
                Tensor.vector(1f), gradient);

        assertThat(value).isNaN();
        assertThat(gradient.data()).containsExactly(new float[] {0f, 0f}, within(0f));
    }
}
