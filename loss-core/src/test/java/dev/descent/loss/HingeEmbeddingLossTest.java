package dev.descent.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.Reduction;
import dev.descent.api.Tensor;
import dev.descent.testkit.FiniteDifferences;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HingeEmbeddingLossTest {
    // margin 1: y = 1 gives x = 0.25; y = -1 gives max(0, 1 - x) = [0.75, 0, 0]; summing to 1.
    private final Tensor distances = Tensor.vector(0.25f, 0.25f, 2f, 1f);
    private final Tensor targets = Tensor.vector(1f, -1f, -1f, -1f);

    @Test
    void meanIsTheMeanOverElements() {
        assertThat(new HingeEmbeddingLoss().compute(distances, targets)).isEqualTo(0.25);
    }

    @Test
    void sumAndNoneAddTheElements() {
        assertThat(new HingeEmbeddingLoss(1, Reduction.SUM).compute(distances, targets)).isEqualTo(1.0);
        assertThat(new HingeEmbeddingLoss(1, Reduction.NONE).compute(distances, targets)).isEqualTo(1.0);
    }

    @Test
    void unreducedHasOneValuePerElement() {
        assertThat(new HingeEmbeddingLoss().unreduced(distances, targets).data()).containsExactly(0.25f, 0.75f, 0f, 0f);
    }

    @Test
    void marginSetsWhereDissimilarPairsStopCosting() {
        // margin 2.5: [0.25, 2.25, 0.5, 1.5], summing to 4.5
        assertThat(new HingeEmbeddingLoss(2.5, Reduction.SUM).compute(distances, targets)).isEqualTo(4.5);
    }

    @Test
    void gradientIsOneForSimilarAndMinusOneForDissimilarInsideTheMarginIncludingAtIt() {
        // [1, -1, 0, -1]: x = 1 sits exactly at the margin, where PyTorch's clamp_min passes the gradient
        Tensor gradient = Tensor.zeros(4);
        new HingeEmbeddingLoss(1, Reduction.SUM).compute(distances, targets, gradient);

        assertThat(gradient.data()).containsExactly(1f, -1f, 0f, -1f);
    }

    @Test
    void gradientMatchesFiniteDifferencesAwayFromTheMargin() {
        SplittableRandom random = new SplittableRandom(19);
        float[] x = new float[12];
        float[] y = new float[12];
        for (int i = 0; i < x.length; i++) {
            // 0.05 or more from the margin 1
            x[i] = (float) (1 + (random.nextBoolean() ? 1 : -1) * random.nextDouble(0.05, 1));
            y[i] = random.nextBoolean() ? 1 : -1;
        }
        Tensor targets = Tensor.of(y, 3, 4);
        HingeEmbeddingLoss loss = new HingeEmbeddingLoss();
        Tensor point = Tensor.of(x, 3, 4);
        Tensor numeric = FiniteDifferences.gradient(v -> loss.compute(v, targets), point);
        Tensor analytic = Tensor.zeros(3, 4);

        loss.compute(point, targets, analytic);

        assertThat(FiniteDifferences.maxScaledError(analytic, numeric)).isLessThan(1e-4);
    }

    @Test
    void targetOtherThanPlusOrMinusOneIsRefusedNamingIndexAndValue() {
        assertThatThrownBy(() -> new HingeEmbeddingLoss().compute(Tensor.zeros(3), Tensor.vector(1f, 0f, -1f)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hinge_embedding: target at [1] is '0'; targets must be -1 or 1");
    }

    @Test
    void shapeMismatchNamesTheLossAndBothShapes() {
        assertThatThrownBy(() -> new HingeEmbeddingLoss().compute(Tensor.zeros(2, 3), Tensor.zeros(6)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("hinge_embedding:")
                .hasMessageContaining("[2, 3]")
                .hasMessageContaining("[6]");
    }

    @Test
    void nanDistanceMakesTheValueNaNWithPytorchsGradient() {
        // PyTorch: NaN loss; gradient 1 for y = 1 and 0 for y = -1 (clamp_min's test fails on NaN)
        Tensor gradient = Tensor.zeros(2);
        double value = new HingeEmbeddingLoss(1, Reduction.SUM).compute(Tensor.vector(Float.NaN, Float.NaN),
                Tensor.vector(1f, -1f), gradient);

        assertThat(value).isNaN();
        assertThat(gradient.data()).containsExactly(new float[] {1f, 0f}, within(0f));
    }
}
