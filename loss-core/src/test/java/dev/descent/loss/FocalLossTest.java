package dev.descent.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.Reduction;
import dev.descent.api.Tensor;
import org.junit.jupiter.api.Test;

class FocalLossTest {
    private static final float LN4 = (float) Math.log(4); // sigmoid(ln 4) = 0.8

    @Test
    void withoutFocusingOrWeightingItIsBceWithLogits() {
        Tensor logits = Tensor.vector(LN4, 0, -1.5f);
        Tensor targets = Tensor.vector(1, 0, 1);

        double focal = new FocalLoss(-1, 0, Reduction.MEAN).compute(logits, targets);

        assertThat(focal).isCloseTo(new BceWithLogitsLoss().compute(logits, targets), within(1e-7));
    }

    @Test
    void wellClassifiedElementsAreDownWeighted() {
        // p_t = 0.8: alpha 0.25 · (1 - 0.8)² · -ln 0.8; negative at p = 0.8: 0.75 · 0.8² · -ln 0.2
        Tensor values = new FocalLoss().unreduced(Tensor.vector(LN4, LN4), Tensor.vector(1, 0));

        assertThat(values.data()).usingComparatorWithPrecision(1e-6f).containsExactly(
                (float) (0.25 * 0.04 * -Math.log(0.8)), (float) (0.75 * 0.64 * -Math.log(0.2)));
    }
}
