package dev.descent.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.Tensor;
import org.junit.jupiter.api.Test;

class KlDivLossTest {
    // p = [0.5, 0.5] as log-probabilities, q = [0.75, 0.25]; KL(q || p) = 0.75 ln 1.5 + 0.25 ln 0.5
    private final Tensor logP = Tensor.of(new float[] {(float) Math.log(0.5), (float) Math.log(0.5)}, 1, 2);
    private final double divergence = 0.75 * Math.log(1.5) + 0.25 * Math.log(0.5);

    @Test
    void batchmeanIsTheDivergencePerSample() {
        Tensor q = Tensor.of(new float[] {0.75f, 0.25f}, 1, 2);

        assertThat(new KlDivLoss(false, KlDivLoss.KlReduction.BATCHMEAN).compute(logP, q))
                .isCloseTo(divergence, within(1e-6));
    }

    @Test
    void meanDividesByEveryElementAsPyTorchDoes() {
        Tensor q = Tensor.of(new float[] {0.75f, 0.25f}, 1, 2);

        assertThat(new KlDivLoss().compute(logP, q)).isCloseTo(divergence / 2, within(1e-6));
    }

    @Test
    void logTargetsGiveTheSameDivergence() {
        Tensor logQ = Tensor.of(new float[] {(float) Math.log(0.75), (float) Math.log(0.25)}, 1, 2);
        Tensor gradient = Tensor.zeros(1, 2);

        double value = new KlDivLoss(true, KlDivLoss.KlReduction.SUM).compute(logP, logQ, gradient);

        assertThat(value).isCloseTo(divergence, within(1e-6));
        // d/dx of q (log q - x) is -q
        assertThat(gradient.data()).usingComparatorWithPrecision(1e-6f).containsExactly(-0.75f, -0.25f);
    }

    @Test
    void zeroTargetContributesZero() {
        // 0 · log 0 is taken as 0, as PyTorch's xlogy
        Tensor q = Tensor.of(new float[] {1, 0}, 1, 2);

        assertThat(new KlDivLoss(false, KlDivLoss.KlReduction.SUM).compute(logP, q))
                .isCloseTo(Math.log(2), within(1e-6));
    }
}
