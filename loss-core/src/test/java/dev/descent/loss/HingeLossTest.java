package dev.descent.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.Reduction;
import dev.descent.api.Tensor;
import dev.descent.testkit.FiniteDifferences;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HingeLossTest {
    // m = 1 - t·p = [0.5, 3, 4, -1]; max(m, 0) = [0.5, 3, 4, 0], summing to 7.5.
    private final Tensor predictions = Tensor.vector(0.5f, -2f, 3f, 2f);
    private final Tensor targets = Tensor.vector(1f, 1f, -1f, 1f);

    @Test
    void meanIsTheMeanOfTheHinges() {
        // 7.5 / 4 = 1.875
        assertThat(new HingeLoss(Reduction.MEAN).compute(predictions, targets)).isEqualTo(1.875);
    }

    @Test
    void sumIsTheSumOfTheHinges() {
        assertThat(new HingeLoss(Reduction.SUM).compute(predictions, targets)).isEqualTo(7.5);
    }

    @Test
    void noneReturnsTheSumOfTheUnreducedValues() {
        assertThat(new HingeLoss(Reduction.NONE).compute(predictions, targets)).isEqualTo(7.5);
    }

    @Test
    void unreducedHasOneValuePerElement() {
        Tensor values = new HingeLoss().unreduced(predictions.reshape(2, 2), targets.reshape(2, 2));

        assertThat(values.shape()).containsExactly(2, 2);
        assertThat(values.data()).containsExactly(0.5f, 3f, 4f, 0f);
    }

    @Test
    void gradientIsMinusTheTargetWhereTheMarginIsViolated() {
        // -t where m >= 0: [-1, -1, 1, 0]; the mean divides by 4
        Tensor gradient = Tensor.zeros(4);
        new HingeLoss(Reduction.MEAN).compute(predictions, targets, gradient);

        assertThat(gradient.data()).containsExactly(new float[] {-0.25f, -0.25f, 0.25f, 0f}, within(0f));
    }

    @Test
    void zeroOneTargetsAreReadAsMinusOneAndOneAsKerasDoes() {
        // [1, 1, 0, 1] -> [1, 1, -1, 1]: the same hinges as above, summing to 7.5
        Tensor gradient = Tensor.zeros(4);
        double value = new HingeLoss(Reduction.SUM).compute(predictions, Tensor.vector(1f, 1f, 0f, 1f), gradient);

        assertThat(value).isEqualTo(7.5);
        assertThat(gradient.data()).containsExactly(new float[] {-1f, -1f, 1f, 0f}, within(0f));
    }

    @Test
    void atExactlyTheMarginTheGradientIsMinusTheTargetAsTensorFlowsMaximum() {
        // m = 1 - 1·1 = 0 and 1 - (-1)(-1) = 0: loss 0, gradient -t
        Tensor gradient = Tensor.zeros(2);
        double value = new HingeLoss(Reduction.SUM).compute(Tensor.vector(1f, -1f), Tensor.vector(1f, -1f), gradient);

        assertThat(value).isZero();
        assertThat(gradient.data()).containsExactly(-1f, 1f);
    }

    @Test
    void largeScoresGiveFiniteValues() {
        // 1 - (-1)(1e4) = 10001; 1 - 1·1e4 < 0 gives 0
        double value = new HingeLoss(Reduction.SUM).compute(Tensor.vector(1e4f, 1e4f), Tensor.vector(-1f, 1f));

        assertThat(value).isEqualTo(10001.0);
    }

    @Test
    void gradientMatchesFiniteDifferencesAwayFromTheKink() {
        Tensor[] point = awayFromKink(7);
        HingeLoss loss = new HingeLoss(Reduction.MEAN);
        Tensor numeric = FiniteDifferences.gradient(p -> loss.compute(p, point[1]), point[0]);
        Tensor analytic = Tensor.zeros(3, 4);

        loss.compute(point[0], point[1], analytic);

        assertThat(FiniteDifferences.maxScaledError(analytic, numeric)).isLessThan(1e-4);
    }

    /** Scores at least 0.1 from the kink t·p = 1, on either side, with targets of ±1. */
    static Tensor[] awayFromKink(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] p = new float[12];
        float[] t = new float[12];
        for (int i = 0; i < p.length; i++) {
            t[i] = random.nextBoolean() ? 1 : -1;
            double margin = 1 + (random.nextBoolean() ? 1 : -1) * random.nextDouble(0.1, 2);
            p[i] = (float) (t[i] * margin);
        }
        return new Tensor[] {Tensor.of(p, 3, 4), Tensor.of(t, 3, 4)};
    }

    @Test
    void targetOtherThanPlusOrMinusOneIsRefusedNamingIndexAndValue() {
        Tensor invalid = Tensor.of(new float[] {1, -1, 0.5f, 1}, 2, 2);

        assertThatThrownBy(() -> new HingeLoss().compute(Tensor.zeros(2, 2), invalid))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hinge: target at [1, 0] is '0.5'; targets must be -1 or 1 (or all 0 or 1, read as -1 and"
                        + " 1 as Keras does)");
    }

    @Test
    void zeroNextToMinusOneIsRefusedNamingBothIndices() {
        assertThatThrownBy(() -> new HingeLoss().unreduced(Tensor.zeros(3), Tensor.vector(1f, -1f, 0f)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hinge: target at [2] is '0' but the target at [1] is '-1'; targets must be all -1 or 1,"
                        + " or all 0 or 1 (read as -1 and 1 as Keras does)");
    }

    @Test
    void shapeMismatchNamesTheLossAndBothShapes() {
        assertThatThrownBy(() -> new HingeLoss().compute(Tensor.zeros(2, 3), Tensor.zeros(3, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("hinge:")
                .hasMessageContaining("[2, 3]")
                .hasMessageContaining("[3, 2]");
    }

    @Test
    void nanPredictionMakesTheValueNaN() {
        Tensor gradient = Tensor.zeros(2);
        double value = new HingeLoss().compute(Tensor.vector(Float.NaN, 0f), Tensor.vector(1f, 1f), gradient);

        assertThat(value).isNaN();
        assertThat(new HingeLoss().unreduced(Tensor.vector(Float.NaN, 0f), Tensor.vector(1f, 1f)).data()[0]).isNaN();
        // The other element is unaffected: -1 / 2
        assertThat(gradient.data()[1]).isEqualTo(-0.5f);
    }
}
