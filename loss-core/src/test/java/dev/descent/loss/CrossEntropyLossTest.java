package dev.descent.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.Reduction;
import dev.descent.api.Tensor;
import org.junit.jupiter.api.Test;

/** Hand-worked values: with logits [ln 3, 0] the softmax is [0.75, 0.25]. */
class CrossEntropyLossTest {
    private static final float LN3 = (float) Math.log(3);

    @Test
    void equalLogitsGiveLogOfTheNumberOfClassesAndSoftmaxMinusOneHot() {
        Tensor gradient = Tensor.zeros(1, 3);

        double value = new CrossEntropyLoss().compute(Tensor.of(new float[3], 1, 3), Tensor.vector(1), gradient);

        assertThat(value).isCloseTo(Math.log(3), within(1e-6));
        assertThat(gradient.data()).usingComparatorWithPrecision(1e-6f).containsExactly(1f / 3, -2f / 3, 1f / 3);
    }

    @Test
    void hugeLogitsStayFinite() {
        // rows: the target has the largest logit by 1e4 (loss 1e4), then the target is the largest (loss 0)
        Tensor logits = Tensor.of(new float[] {1e4f, 0, 0, 1e4f}, 2, 2);
        Tensor gradient = Tensor.zeros(2, 2);

        double value = new CrossEntropyLoss().compute(logits, Tensor.vector(1, 1), gradient);

        assertThat(value).isEqualTo(5000);
        assertThat(gradient.data()).containsExactly(0.5f, -0.5f, 0f, 0f);
    }

    @Test
    void labelSmoothingMixesTheOneHotWithTheUniform() {
        // q = 0.8 [1, 0] + 0.2 / 2 = [0.9, 0.1]; -(0.9 ln 0.75 + 0.1 ln 0.25) = 0.397543; gradient p - q
        Tensor gradient = Tensor.zeros(1, 2);

        double value = new CrossEntropyLoss(null, -100, 0.2, Reduction.MEAN)
                .compute(Tensor.of(new float[] {LN3, 0}, 1, 2), Tensor.vector(0), gradient);

        assertThat(value).isCloseTo(0.9 * -Math.log(0.75) + 0.1 * -Math.log(0.25), within(1e-6));
        assertThat(gradient.data()).usingComparatorWithPrecision(1e-6f).containsExactly(-0.15f, 0.15f);
    }

    @Test
    void weightedMeanDividesByTheWeightsOfTheTargets() {
        // ln 2 · 1 and -ln 0.25 · 3, over 1 + 3
        double value = new CrossEntropyLoss(new double[] {1, 3}, -100, 0, Reduction.MEAN)
                .compute(Tensor.of(new float[] {0, 0, LN3, 0}, 2, 2), Tensor.vector(0, 1));

        assertThat(value).isCloseTo((Math.log(2) + 3 * Math.log(4)) / 4, within(1e-6));
    }

    @Test
    void ignoredTargetsCountInNoMeanAndGetNoGradient() {
        Tensor gradient = Tensor.zeros(2, 2);

        double value = new CrossEntropyLoss().compute(Tensor.of(new float[] {5, -5, LN3, 0}, 2, 2),
                Tensor.vector(-100, 1), gradient);

        assertThat(value).isCloseTo(Math.log(4), within(1e-6));
        assertThat(gradient.data()).usingComparatorWithPrecision(1e-6f).containsExactly(0f, 0f, 0.75f, -0.75f);
    }

    @Test
    void probabilityTargetsOfTheLogitsShape() {
        // -(0.5 ln 0.25 + 0.5 ln 0.75)
        double value = new CrossEntropyLoss().compute(Tensor.of(new float[] {0, LN3}, 1, 2),
                Tensor.of(new float[] {0.5f, 0.5f}, 1, 2));

        assertThat(value).isCloseTo(0.5 * (Math.log(4) + Math.log(4.0 / 3)), within(1e-6));
    }

    @Test
    void classesOnAxisOneWithExtraAxes() {
        // [N=1, C=2, d=2]: position 0 has logits [ln 3, 0], position 1 [0, 0]; targets [[0, 1]]
        Tensor values = new CrossEntropyLoss(null, -100, 0, Reduction.NONE)
                .unreduced(Tensor.of(new float[] {LN3, 0, 0, 0}, 1, 2, 2), Tensor.of(new float[] {0, 1}, 1, 2));

        assertThat(values.shape()).containsExactly(1, 2);
        assertThat(values.data()).usingComparatorWithPrecision(1e-6f)
                .containsExactly((float) -Math.log(0.75), (float) Math.log(2));
    }

    @Test
    void classIndexOutsideTheClassesNamesTheLossIndexAndValue() {
        assertThatThrownBy(() -> new CrossEntropyLoss().compute(Tensor.zeros(2, 3), Tensor.vector(0, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cross_entropy: target at [1] is class '3', outside [0, 3) for predictions with 3 classes;"
                        + " expected a class index in [0, 3) or the ignore_index '-100'");
    }

    @Test
    void fractionalTargetIsNotAClassIndex() {
        assertThatThrownBy(() -> new CrossEntropyLoss().compute(Tensor.zeros(2, 3), Tensor.vector(0, 1.5f)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cross_entropy: target at [1] is '1.5', not a class index");
    }

    @Test
    void targetsOfNeitherShapeAreRefusedNamingBoth() {
        assertThatThrownBy(() -> new CrossEntropyLoss().compute(Tensor.zeros(2, 3), Tensor.zeros(3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cross_entropy")
                .hasMessageContaining("[2, 3]")
                .hasMessageContaining("[3]");
    }

    @Test
    void nanLogitPropagates() {
        assertThat(new CrossEntropyLoss().compute(Tensor.of(new float[] {Float.NaN, 0}, 1, 2), Tensor.vector(1)))
                .isNaN();
    }
}
