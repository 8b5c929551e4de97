package dev.descent.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.Reduction;
import dev.descent.api.Tensor;
import org.junit.jupiter.api.Test;

class BceWithLogitsLossTest {

    @Test
    void equalsBceOfTheSigmoid() {
        // sigmoid(ln 4) = 0.8, sigmoid(0) = 0.5; gradient sigmoid(x) - t, over N
        float ln4 = (float) Math.log(4);
        Tensor gradient = Tensor.zeros(2);

        double value = new BceWithLogitsLoss().compute(Tensor.vector(ln4, 0), Tensor.vector(1, 0), gradient);

        assertThat(value).isCloseTo(-(Math.log(0.8) + Math.log(0.5)) / 2, within(1e-6));
        assertThat(gradient.data()).usingComparatorWithPrecision(1e-6f).containsExactly(-0.1f, 0.25f);
    }

    @Test
    void hugeLogitsGiveFiniteValuesAndGradients() {
        // wrong by 1e4 costs 1e4, right by 1e4 costs 0; gradients ±1 and 0 (sum)
        Tensor gradient = Tensor.zeros(4);

        double value = new BceWithLogitsLoss(null, null, Reduction.SUM).compute(Tensor.vector(1e4f, -1e4f, 1e4f, -1e4f),
                Tensor.vector(0, 1, 1, 0), gradient);

        assertThat(value).isEqualTo(2e4);
        assertThat(gradient.data()).containsExactly(1f, -1f, 0f, 0f);
    }

    @Test
    void posWeightScalesThePositiveTerm() {
        // x = 0, t = 1: pos_weight 3 · ln 2; t = 0 is unaffected: ln 2
        Tensor values = new BceWithLogitsLoss(null, new double[] {3}, Reduction.NONE)
                .unreduced(Tensor.vector(0, 0), Tensor.vector(1, 0));

        assertThat(values.data()).usingComparatorWithPrecision(1e-6f)
                .containsExactly((float) (3 * Math.log(2)), (float) Math.log(2));
    }
}
