package dev.descent.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.api.Reduction;
import dev.descent.api.Tensor;
import org.junit.jupiter.api.Test;

class NllLossTest {
    private final Tensor logProbabilities = Tensor.of(new float[] {-1, -2, -3, -0.5f, -1.5f, -2.5f}, 2, 3);

    @Test
    void picksMinusTheLogProbabilityOfTheTarget() {
        // -(-3) and -(-0.5); the gradient is -1/N at each target
        Tensor gradient = Tensor.zeros(2, 3);

        double value = new NllLoss().compute(logProbabilities, Tensor.vector(2, 0), gradient);

        assertThat(value).isEqualTo(1.75);
        assertThat(gradient.data()).containsExactly(0f, 0f, -0.5f, -0.5f, 0f, 0f);
    }

    @Test
    void weightedMeanDividesByTheTargetsWeights() {
        // (2 · 3 + 4 · 0.5) / (2 + 4)
        double value = new NllLoss(new double[] {4, 1, 2}, -100, Reduction.MEAN)
                .compute(logProbabilities, Tensor.vector(2, 0));

        assertThat(value).isEqualTo(8.0 / 6);
    }

    @Test
    void ignoreIndexDropsThePosition() {
        assertThat(new NllLoss(null, 2, Reduction.SUM).compute(logProbabilities, Tensor.vector(2, 1))).isEqualTo(1.5);
    }

    @Test
    void negativeClassIndexNamesTheLossIndexAndValue() {
        assertThatThrownBy(() -> new NllLoss().compute(logProbabilities, Tensor.vector(-1, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("nll: target at [0] is class '-1', outside [0, 3)");
    }
}
