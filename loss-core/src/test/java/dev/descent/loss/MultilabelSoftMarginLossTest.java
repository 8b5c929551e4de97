package dev.descent.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.Reduction;
import dev.descent.api.Tensor;
import dev.descent.testkit.FiniteDifferences;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MultilabelSoftMarginLossTest {
    // Row 0: x = [0, 2, -1], y = [1, 0, 1]: -log sigmoid(0) = 0.6931472, -log sigmoid(-2) = 2.1269280,
    // -log sigmoid(-1) = 1.3132617; mean over the 3 labels 4.1333369 / 3 = 1.3777790.
    // Row 1: x = [1, 1, 1], y = [0, 0, 0]: -log sigmoid(-1) = 1.3132617 each, mean 1.3132617.
    private final Tensor predictions = Tensor.of(new float[] {0, 2, -1, 1, 1, 1}, 2, 3);
    private final Tensor targets = Tensor.of(new float[] {1, 0, 1, 0, 0, 0}, 2, 3);

    @Test
    void meanIsOverSamplesOfTheirMeanOverLabels() {
        // (1.3777790 + 1.3132617) / 2 = 1.3455203
        assertThat(new MultilabelSoftMarginLoss().compute(predictions, targets)).isCloseTo(1.3455203, within(1e-6));
    }

    @Test
    void sumAndNoneAddTheSamples() {
        MultilabelSoftMarginLoss sum = new MultilabelSoftMarginLoss(null, Reduction.SUM);
        MultilabelSoftMarginLoss none = new MultilabelSoftMarginLoss(null, Reduction.NONE);

        assertThat(sum.compute(predictions, targets)).isCloseTo(2.6910407, within(1e-6));
        assertThat(none.compute(predictions, targets)).isCloseTo(2.6910407, within(1e-6));
    }

    @Test
    void unreducedHasOneValuePerSample() {
        Tensor values = new MultilabelSoftMarginLoss().unreduced(predictions, targets);

        assertThat(values.shape()).containsExactly(2);
        assertThat(values.data()).containsExactly(new float[] {1.377779f, 1.3132617f}, within(1e-6f));
    }

    @Test
    void gradientIsSigmoidMinusTargetOverC() {
        // Row 0: (sigmoid(x) - y) / 3 = [(0.5 - 1), 0.8807971, (0.2689414 - 1)] / 3
        Tensor gradient = Tensor.zeros(1, 3);
        new MultilabelSoftMarginLoss(null, Reduction.SUM).compute(Tensor.of(new float[] {0, 2, -1}, 1, 3),
                Tensor.of(new float[] {1, 0, 1}, 1, 3), gradient);

        assertThat(gradient.data()).containsExactly(new float[] {-0.1666667f, 0.2935990f, -0.2436862f}, within(1e-6f));
    }

    @Test
    void weightScalesEachLabelsTerm() {
        // weight [1, 2, 0] on row 0: (0.6931472 + 2 · 2.1269280 + 0) / 3 = 1.6490011
        MultilabelSoftMarginLoss loss = new MultilabelSoftMarginLoss(new double[] {1, 2, 0}, Reduction.MEAN);

        assertThat(loss.compute(Tensor.of(new float[] {0, 2, -1}, 1, 3), Tensor.of(new float[] {1, 0, 1}, 1, 3)))
                .isCloseTo(1.6490011, within(1e-6));
    }

    @Test
    void logitsOfTenThousandGiveFiniteValuesAndGradients() {
        // Both labels wrong by 1e4: 1e4 each, mean over labels 1e4; gradient (1 - 0) / 2 and (0 - 1) / 2
        Tensor gradient = Tensor.zeros(1, 2);
        double value = new MultilabelSoftMarginLoss().compute(Tensor.of(new float[] {1e4f, -1e4f}, 1, 2),
                Tensor.of(new float[] {0, 1}, 1, 2), gradient);

        assertThat(value).isEqualTo(1e4);
        assertThat(gradient.data()).containsExactly(0.5f, -0.5f);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        SplittableRandom random = new SplittableRandom(17);
        float[] x = new float[12];
        float[] y = new float[12];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextDouble(-4, 4);
            y[i] = random.nextBoolean() ? 1 : 0;
        }
        Tensor targets = Tensor.of(y, 3, 4);
        MultilabelSoftMarginLoss loss = new MultilabelSoftMarginLoss(new double[] {1, 0.5, 2, 1.5}, Reduction.MEAN);
        Tensor point = Tensor.of(x, 3, 4);
        Tensor numeric = FiniteDifferences.gradient(v -> loss.compute(v, targets), point);
        Tensor analytic = Tensor.zeros(3, 4);

        loss.compute(point, targets, analytic);

        assertThat(FiniteDifferences.maxScaledError(analytic, numeric)).isLessThan(1e-4);
    }

    @Test
    void targetOutsideZeroToOneIsRefusedNamingIndexAndValue() {
        assertThatThrownBy(() -> new MultilabelSoftMarginLoss().compute(Tensor.zeros(2, 2),
                Tensor.of(new float[] {1, 0, -1, 1}, 2, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("multilabel_soft_margin: target at [1, 0] is '-1'; targets must lie in [0, 1] (1: the"
                        + " label applies, 0: it does not)");
    }

    @Test
    void weightOfAnotherLengthThanTheLabelsIsRefused() {
        MultilabelSoftMarginLoss loss = new MultilabelSoftMarginLoss(new double[] {1, 2, 3}, Reduction.MEAN);

        assertThatThrownBy(() -> loss.unreduced(Tensor.zeros(2, 2), Tensor.zeros(2, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("multilabel_soft_margin: weight has 3 elements but predictions of shape [2, 2] have 2"
                        + " classes; give one weight per class");
    }

    @Test
    void shapeMismatchNamesBothShapesAndTheExpectedLayout() {
        assertThatThrownBy(() -> new MultilabelSoftMarginLoss().compute(Tensor.zeros(2, 3), Tensor.zeros(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("multilabel_soft_margin: predictions of shape [2, 3] do not fit targets of shape [2];"
                        + " expected logits [N, C] and targets [N, C] of 0 or 1, the same shape (labels on the last"
                        + " axis)");
    }

    @Test
    void nanLogitMakesItsSampleNaN() {
        Tensor gradient = Tensor.zeros(2, 2);
        double value = new MultilabelSoftMarginLoss().compute(Tensor.of(new float[] {Float.NaN, 0, 0, 0}, 2, 2),
                Tensor.of(new float[] {1, 0, 1, 0}, 2, 2), gradient);

        assertThat(value).isNaN();
        assertThat(gradient.data()[0]).isNaN();
        // Row 1: (sigmoid(0) - 1) / 2 / 2 = -0.125
        assertThat(gradient.data()[2]).isEqualTo(-0.125f);
    }
}
