package dev.descent.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.Reduction;
import dev.descent.api.Tensor;
import org.junit.jupiter.api.Test;

class BceLossTest {

    @Test
    void seedArticleExampleUsesTheNaturalLog() {
        // An article in circulation gives binary cross-entropy 1.3010 for a positive predicted at 0.05: that is
        // -log10(0.05). Every library, and this one, uses the natural log: -ln(0.05) = 2.9957.
        double value = new BceLoss().compute(Tensor.vector(0.05f), Tensor.vector(1));

        assertThat(value).isCloseTo(2.9957, within(1e-4));
        assertThat(value).isNotCloseTo(1.3010, within(0.1));
        assertThat(value / Math.log(10)).isCloseTo(1.3010, within(1e-4));
    }

    @Test
    void logLossKeepsItsMinusSign() {
        // The article drops the minus: log loss is -ln p for a positive, so positive and falling as p → 1.
        double confident = new BceLoss().compute(Tensor.vector(0.9f), Tensor.vector(1));
        double unsure = new BceLoss().compute(Tensor.vector(0.6f), Tensor.vector(1));

        assertThat(confident).isCloseTo(-Math.log(0.9), within(1e-6)).isPositive();
        assertThat(unsure).isGreaterThan(confident);
    }

    @Test
    void meanOverElementsWithGradientOfTheProbabilities() {
        // -(ln 0.8 + ln 0.5 ... ) : targets [1, 0], p [0.8, 0.5]; gradient (p - t) / (p (1 - p)) / 2
        Tensor gradient = Tensor.zeros(2);

        double value = new BceLoss().compute(Tensor.vector(0.8f, 0.5f), Tensor.vector(1, 0), gradient);

        assertThat(value).isCloseTo(-(Math.log(0.8) + Math.log(0.5)) / 2, within(1e-6));
        assertThat(gradient.data()).usingComparatorWithPrecision(1e-6f).containsExactly(-0.625f, 1f);
    }

    @Test
    void certainWrongAnswerIsClampedAt100() {
        // PyTorch clamps each log at -100, so p = 0 for a positive costs 100, not infinity
        Tensor values = new BceLoss(null, Reduction.NONE).unreduced(Tensor.vector(0, 1, 1), Tensor.vector(1, 0, 1));

        assertThat(values.data()).usingComparatorWithPrecision(0f).containsExactly(100f, 100f, 0f);
    }

    @Test
    void weightBroadcastsOverTheLastAxis() {
        // rows of [p = 0.5, p = 0.5], weight [1, 3]: ln 2 · (1 + 3) · 2 rows, summed
        double value = new BceLoss(new double[] {1, 3}, Reduction.SUM)
                .compute(Tensor.of(new float[] {0.5f, 0.5f, 0.5f, 0.5f}, 2, 2), Tensor.of(new float[] {1, 0, 0, 1}, 2, 2));

        assertThat(value).isCloseTo(8 * Math.log(2), within(1e-6));
    }

    @Test
    void predictionOutsideZeroOneNamesTheIndexAndValueAndSuggestsLogits() {
        assertThatThrownBy(() -> new BceLoss().compute(Tensor.of(new float[] {0.5f, 1.5f}, 1, 2),
                Tensor.of(new float[] {0, 1}, 1, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bce: prediction at [0, 1] is '1.5', outside [0, 1]; predictions must be probabilities"
                        + " (apply a sigmoid first, or use bce_with_logits on logits)");
    }

    @Test
    void targetOutsideZeroOneIsRefused() {
        assertThatThrownBy(() -> new BceLoss().compute(Tensor.vector(0.5f), Tensor.vector(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bce: target at [0] is '-1', outside [0, 1]");
    }
}
