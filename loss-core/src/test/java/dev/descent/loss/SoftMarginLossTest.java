package dev.descent.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.Reduction;
import dev.descent.api.Tensor;
import dev.descent.testkit.FiniteDifferences;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SoftMarginLossTest {
    // -t·p = [0, 2, -1]: log(1 + e^0) = ln 2 = 0.6931472, log(1 + e^2) = 2.1269280, log(1 + e^-1) = 0.3132617,
    // summing to 3.1333369.
    private final Tensor predictions = Tensor.vector(0f, 2f, -1f);
    private final Tensor targets = Tensor.vector(1f, -1f, -1f);

    @Test
    void meanIsTheMeanOfTheLogisticLosses() {
        // 3.1333369 / 3
        assertThat(new SoftMarginLoss(Reduction.MEAN).compute(predictions, targets)).isCloseTo(1.0444456, within(1e-6));
    }

    @Test
    void sumAndNoneAddTheLogisticLosses() {
        assertThat(new SoftMarginLoss(Reduction.SUM).compute(predictions, targets)).isCloseTo(3.1333369, within(1e-6));
        assertThat(new SoftMarginLoss(Reduction.NONE).compute(predictions, targets)).isCloseTo(3.1333369, within(1e-6));
    }

    @Test
    void unreducedHasOneValuePerElement() {
        assertThat(new SoftMarginLoss().unreduced(predictions, targets).data())
                .containsExactly(new float[] {0.6931472f, 2.126928f, 0.3132617f}, within(1e-6f));
    }

    @Test
    void gradientIsMinusTheTargetTimesTheSigmoidOfTheNegativeMargin() {
        // -t sigmoid(-t·p): [-sigmoid(0), sigmoid(2), sigmoid(-1)] = [-0.5, 0.8807971, 0.2689414]
        Tensor gradient = Tensor.zeros(3);
        new SoftMarginLoss(Reduction.SUM).compute(predictions, targets, gradient);

        assertThat(gradient.data()).containsExactly(new float[] {-0.5f, 0.8807971f, 0.2689414f}, within(1e-6f));
    }

    @Test
    void scoresOfTenThousandGiveFiniteValuesAndGradientsWherePytorchOverflows() {
        // -t·p = 1e4: log(1 + e^1e4) = 1e4, gradient -t = 1; -t·p = -1e4: 0 and gradient ~0
        Tensor gradient = Tensor.zeros(2);
        double value = new SoftMarginLoss(Reduction.SUM).compute(Tensor.vector(1e4f, 1e4f), Tensor.vector(-1f, 1f),
                gradient);

        assertThat(value).isEqualTo(1e4);
        assertThat(gradient.data()).containsExactly(new float[] {1f, 0f}, within(1e-7f));
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        SplittableRandom random = new SplittableRandom(13);
        float[] p = new float[12];
        float[] t = new float[12];
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) random.nextDouble(-4, 4);
            t[i] = random.nextBoolean() ? 1 : -1;
        }
        Tensor targets = Tensor.of(t, 3, 4);
        SoftMarginLoss loss = new SoftMarginLoss(Reduction.MEAN);
        Tensor point = Tensor.of(p, 3, 4);
        Tensor numeric = FiniteDifferences.gradient(x -> loss.compute(x, targets), point);
        Tensor analytic = Tensor.zeros(3, 4);

        loss.compute(point, targets, analytic);

        assertThat(FiniteDifferences.maxScaledError(analytic, numeric)).isLessThan(1e-4);
    }

    @Test
    void targetOtherThanPlusOrMinusOneIsRefusedNamingIndexAndValue() {
        assertThatThrownBy(() -> new SoftMarginLoss().compute(Tensor.zeros(2, 2), Tensor.of(new float[] {1, -1, 1, 0},
                2, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("soft_margin: target at [1, 1] is '0'; targets must be -1 or 1");
    }

    @Test
    void shapeMismatchNamesTheLossAndBothShapes() {
        assertThatThrownBy(() -> new SoftMarginLoss().unreduced(Tensor.zeros(4), Tensor.zeros(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("soft_margin:")
                .hasMessageContaining("[4]")
                .hasMessageContaining("[5]");
    }

    @Test
    void nanPredictionMakesValueAndGradientNaN() {
        Tensor gradient = Tensor.zeros(1);
        double value = new SoftMarginLoss().compute(Tensor.vector(Float.NaN), Tensor.vector(1f), gradient);

        assertThat(value).isNaN();
        assertThat(gradient.data()[0]).isNaN();
    }
}
