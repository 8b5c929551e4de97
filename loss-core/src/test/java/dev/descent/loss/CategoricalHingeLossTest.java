package dev.descent.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.Reduction;
import dev.descent.api.Tensor;
import dev.descent.testkit.FiniteDifferences;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CategoricalHingeLossTest {
    // Row 0: true class 0, pos = 2, neg = max(0, 1.5, 0.5) = 1.5, loss max(1.5 - 2 + 1, 0) = 0.5.
    // Row 1: true class 2, pos = 0.5, neg = max(-1, -2, 0·0.5) = 0 (the true class's zero), loss 0 - 0.5 + 1 = 0.5.
    // Row 2: true class 0, pos = 3, neg = max(0, 0, 1) = 1, loss max(1 - 3 + 1, 0) = 0.
    private final Tensor predictions = Tensor.of(new float[] {2, 1.5f, 0.5f, -1, -2, 0.5f, 3, 0, 1}, 3, 3);
    private final Tensor targets = Tensor.of(new float[] {1, 0, 0, 0, 0, 1, 1, 0, 0}, 3, 3);

    @Test
    void meanIsOverSamples() {
        // (0.5 + 0.5 + 0) / 3
        assertThat(new CategoricalHingeLoss(Reduction.MEAN).compute(predictions, targets)).isEqualTo(1.0 / 3);
    }

    @Test
    void sumAddsTheSamples() {
        assertThat(new CategoricalHingeLoss(Reduction.SUM).compute(predictions, targets)).isEqualTo(1.0);
    }

    @Test
    void unreducedHasOneValuePerSample() {
        Tensor values = new CategoricalHingeLoss().unreduced(predictions, targets);

        assertThat(values.shape()).containsExactly(3);
        assertThat(values.data()).containsExactly(0.5f, 0.5f, 0f);
    }

    @Test
    void noneReturnsTheSumOfTheUnreducedValues() {
        assertThat(new CategoricalHingeLoss(Reduction.NONE).compute(predictions, targets)).isEqualTo(1.0);
    }

    @Test
    void negativeOtherScoresStillLeaveALossAsKerasCodeDoes() {
        // Row 1 alone: a max over the other classes only would give max(-1 - 0.5 + 1, 0) = 0; Keras' max over
        // (1 - t) p includes the true class's 0, giving 0.5.
        Tensor row = Tensor.of(new float[] {-1, -2, 0.5f}, 1, 3);

        assertThat(new CategoricalHingeLoss().compute(row, Tensor.of(new float[] {0, 0, 1}, 1, 3))).isEqualTo(0.5);
    }

    @Test
    void gradientIsMinusOneForTheTrueClassAndOneForTheBestOther() {
        // Row 0: [-1, 1, 0]; row 1: the maximum is the true class's 0, whose share is multiplied by 1 - t = 0,
        // so [0, 0, -1]; row 2 is inactive.
        Tensor gradient = Tensor.zeros(3, 3);
        new CategoricalHingeLoss(Reduction.SUM).compute(predictions, targets, gradient);

        assertThat(gradient.data()).containsExactly(new float[] {-1, 1, 0, 0, 0, -1, 0, 0, 0}, within(0f));
    }

    @Test
    void classesTyingForTheMaximumShareItsGradientAsTensorFlowsReduceMax() {
        // pos = 0, neg = max(0, 1, 1) = 1, loss 2; classes 1 and 2 tie: 1/2 each
        Tensor gradient = Tensor.zeros(1, 3);
        double value = new CategoricalHingeLoss().compute(Tensor.of(new float[] {0, 1, 1}, 1, 3),
                Tensor.of(new float[] {1, 0, 0}, 1, 3), gradient);

        assertThat(value).isEqualTo(2.0);
        assertThat(gradient.data()).containsExactly(-1f, 0.5f, 0.5f);
    }

    @Test
    void atExactlyTheMarginTheGradientIsActive() {
        // pos = 2, neg = 1: 1 - 2 + 1 = 0, loss 0; TensorFlow's maximum passes the gradient at the tie
        Tensor gradient = Tensor.zeros(1, 2);
        double value = new CategoricalHingeLoss().compute(Tensor.of(new float[] {2, 1}, 1, 2),
                Tensor.of(new float[] {1, 0}, 1, 2), gradient);

        assertThat(value).isZero();
        assertThat(gradient.data()).containsExactly(-1f, 1f);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        // Scores 0.2 apart in [-2, 2] on a grid, so no two tie and no loss sits within a step of 0.
        SplittableRandom random = new SplittableRandom(5);
        float[] p = new float[4 * 5];
        float[] t = new float[4 * 5];
        for (int row = 0; row < 4; row++) {
            int[] order = random.ints(0, 1000).distinct().limit(5).toArray();
            for (int j = 0; j < 5; j++) {
                p[row * 5 + j] = (float) (-2 + 0.2 * (order[j] % 21) + 0.013 * j);
            }
            t[row * 5 + random.nextInt(5)] = 1;
        }
        Tensor predictions = Tensor.of(p, 4, 5);
        Tensor targets = Tensor.of(t, 4, 5);
        CategoricalHingeLoss loss = new CategoricalHingeLoss();
        Tensor numeric = FiniteDifferences.gradient(x -> loss.compute(x, targets), predictions);
        Tensor analytic = Tensor.zeros(4, 5);

        loss.compute(predictions, targets, analytic);

        assertThat(FiniteDifferences.maxScaledError(analytic, numeric)).isLessThan(1e-4);
    }

    @Test
    void targetOtherThanZeroOrOneIsRefusedNamingIndexAndValue() {
        assertThatThrownBy(() -> new CategoricalHingeLoss().compute(Tensor.zeros(2, 2),
                Tensor.of(new float[] {1, 0, 0, 2}, 2, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("categorical_hinge: target at [1, 1] is '2'; one-hot targets hold only 0 and 1");
    }

    @Test
    void rowWithoutExactlyOneOneIsRefusedNamingTheRow() {
        assertThatThrownBy(() -> new CategoricalHingeLoss().unreduced(Tensor.zeros(2, 3),
                Tensor.of(new float[] {0, 1, 0, 1, 0, 1}, 2, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("categorical_hinge: target row [1, ...] holds 2 ones; one-hot targets hold exactly one 1"
                        + " per row");
    }

    @Test
    void shapeMismatchNamesBothShapesAndTheExpectedLayout() {
        assertThatThrownBy(() -> new CategoricalHingeLoss().compute(Tensor.zeros(2, 3), Tensor.zeros(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("categorical_hinge: predictions of shape [2, 3] do not fit targets of shape [2]; expected"
                        + " scores [N, C] and one-hot targets [N, C] of the same shape (classes on the last axis)");
    }

    @Test
    void nanScoreMakesItsSampleNaN() {
        Tensor values = new CategoricalHingeLoss().unreduced(Tensor.of(new float[] {Float.NaN, 0, 0, 1}, 2, 2),
                Tensor.of(new float[] {1, 0, 1, 0}, 2, 2));

        assertThat(values.data()[0]).isNaN();
        // Row 1: pos = 0, neg = max(0, 1) = 1, loss 2
        assertThat(values.data()[1]).isEqualTo(2f);
    }
}
