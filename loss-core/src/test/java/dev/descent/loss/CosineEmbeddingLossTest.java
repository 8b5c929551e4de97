package dev.descent.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.Reduction;
import dev.descent.api.Tensor;
import dev.descent.testkit.FiniteDifferences;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CosineEmbeddingLossTest {
    // Row 0: x1 = [1, 0], x2 = [1, 1], y = 1: cos = 1/√2 = 0.7071068, loss 1 - cos = 0.2928932.
    // Row 1: x1 = [3, 4], x2 = [4, 3], y = -1: cos = 24/25 = 0.96, loss max(0, 0.96 - 0) = 0.96.
    // Row 2: x1 = [1, 0], x2 = [-1, 0], y = -1: cos = -1, loss 0. Sum 1.2528932.
    private final Tensor pairs = Tensor.of(new float[] {1, 0, 1, 1, 3, 4, 4, 3, 1, 0, -1, 0}, 3, 2, 2);
    private final Tensor targets = Tensor.vector(1f, -1f, -1f);

    @Test
    void meanIsOverPairs() {
        // 1.2528932 / 3
        assertThat(new CosineEmbeddingLoss().compute(pairs, targets)).isCloseTo(0.4176311, within(1e-6));
    }

    @Test
    void sumAndNoneAddThePairs() {
        assertThat(new CosineEmbeddingLoss(0, Reduction.SUM).compute(pairs, targets))
                .isCloseTo(1.2528932, within(1e-6));
        assertThat(new CosineEmbeddingLoss(0, Reduction.NONE).compute(pairs, targets))
                .isCloseTo(1.2528932, within(1e-6));
    }

    @Test
    void unreducedHasOneValuePerPair() {
        Tensor values = new CosineEmbeddingLoss().unreduced(pairs, targets);

        assertThat(values.shape()).containsExactly(3);
        assertThat(values.data()).containsExactly(new float[] {0.2928932f, 0.96f, 0f}, within(1e-6f));
    }

    @Test
    void marginLowersTheLossOfDissimilarPairs() {
        // margin 0.5: row 1 costs 0.96 - 0.5 = 0.46; sum 0.2928932 + 0.46 = 0.7528932
        assertThat(new CosineEmbeddingLoss(0.5, Reduction.SUM).compute(pairs, targets))
                .isCloseTo(0.7528932, within(1e-6));
    }

    @Test
    void gradientIsThatOfTheCosine() {
        // Row 0: d cos/d x1 = x2/(|x1||x2|) - cos x1/|x1|² = [1, 1]/√2 - [1, 0]/√2 = [0, 0.7071068], times -1;
        //        d cos/d x2 = x1/(|x1||x2|) - cos x2/|x2|² = [1, 0]/√2 - [1, 1]/(2√2)
        //                   = [0.3535534, -0.3535534], times -1.
        // Row 1: d cos/d x1 = ([4, 3] - 0.96 [3, 4]) / 25 = [0.0448, -0.0336]; d cos/d x2 = [-0.0336, 0.0448].
        // Row 2: inactive.
        Tensor gradient = Tensor.zeros(3, 2, 2);
        new CosineEmbeddingLoss(0, Reduction.SUM).compute(pairs, targets, gradient);

        assertThat(gradient.data()).containsExactly(new float[] {0, -0.7071068f, -0.3535534f, 0.3535534f,
                0.0448f, -0.0336f, -0.0336f, 0.0448f, 0, 0, 0, 0}, within(1e-6f));
    }

    @Test
    void aDissimilarPairExactlyAtTheMarginKeepsItsGradientAsPytorchsClampMin() {
        // x1 = [1, 0], x2 = [0, 1]: cos = 0 = margin, loss 0; gradient d cos/d x1 = x2 = [0, 1], d cos/d x2 = [1, 0]
        Tensor gradient = Tensor.zeros(1, 2, 2);
        double value = new CosineEmbeddingLoss().compute(Tensor.of(new float[] {1, 0, 0, 1}, 1, 2, 2),
                Tensor.vector(-1f), gradient);

        assertThat(value).isZero();
        assertThat(gradient.data()).containsExactly(new float[] {0, 1, 1, 0}, within(1e-6f));
    }

    @Test
    void epsilonIsAddedToTheSquaredNormsAsPytorchs() {
        // x1 = x2 = [1e-6]: cos = 1e-12 / sqrt((1e-12 + 1e-12)²) = 0.5, so 1 - cos = 0.5 (torch 1.13 gives 0.5)
        double value = new CosineEmbeddingLoss().compute(Tensor.of(new float[] {1e-6f, 1e-6f}, 1, 2, 1),
                Tensor.vector(1f));

        assertThat(value).isCloseTo(0.5, within(1e-6));
    }

    @Test
    void zeroVectorsHaveCosineZeroAndAFiniteGradient() {
        // cos = 0 / sqrt(1e-24) = 0: loss 1 - 0 = 1; gradient x2/... - 0 = 0
        Tensor gradient = Tensor.zeros(1, 2, 2);
        double value = new CosineEmbeddingLoss().compute(Tensor.zeros(1, 2, 2), Tensor.vector(1f), gradient);

        assertThat(value).isEqualTo(1.0);
        assertThat(gradient.data()).containsExactly(new float[] {0, 0, 0, 0}, within(0f));
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        SplittableRandom random = new SplittableRandom(31);
        float[] x = new float[5 * 2 * 3];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextDouble(-2, 2);
        }
        // Every target 1: 1 - cos is smooth everywhere but at zero vectors.
        Tensor targets = Tensor.vector(1f, 1f, 1f, 1f, 1f);
        CosineEmbeddingLoss loss = new CosineEmbeddingLoss();
        Tensor point = Tensor.of(x, 5, 2, 3);
        Tensor numeric = FiniteDifferences.gradient(v -> loss.compute(v, targets), point);
        Tensor analytic = Tensor.zeros(5, 2, 3);

        loss.compute(point, targets, analytic);

        assertThat(FiniteDifferences.maxScaledError(analytic, numeric)).isLessThan(1e-4);
    }

    @Test
    void gradientOfDissimilarPairsMatchesFiniteDifferences() {
        // Pairs at about 60° (cos ≈ 0.5) with margin 0.2: active, 0.3 from the kink.
        float[] x = {1, 0, 0.2f, 0.5f, 0.87f, 0.1f, 0, 2, 1, 1.7f, 1, -0.3f};
        CosineEmbeddingLoss loss = new CosineEmbeddingLoss(0.2, Reduction.MEAN);
        Tensor targets = Tensor.vector(-1f, -1f);
        Tensor point = Tensor.of(x, 2, 2, 3);
        Tensor numeric = FiniteDifferences.gradient(v -> loss.compute(v, targets), point);
        Tensor analytic = Tensor.zeros(2, 2, 3);

        loss.compute(point, targets, analytic);

        assertThat(FiniteDifferences.maxScaledError(analytic, numeric)).isLessThan(1e-4);
    }

    @Test
    void targetOtherThanPlusOrMinusOneIsRefusedNamingIndexAndValue() {
        assertThatThrownBy(() -> new CosineEmbeddingLoss().compute(pairs, Tensor.vector(1f, 0f, -1f)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cosine_embedding: target at [1] is '0'; targets must be -1 or 1");
    }

    @Test
    void predictionsThatAreNotPairsAreRefusedNamingBothShapesAndTheLayout() {
        assertThatThrownBy(() -> new CosineEmbeddingLoss().compute(Tensor.zeros(3, 3, 2), Tensor.zeros(3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cosine_embedding: predictions of shape [3, 3, 2] do not fit targets of shape [3]; expected"
                        + " predictions [N, 2, D] (x1, x2 stacked on axis 1) and targets [N] of -1 or 1");
    }

    @Test
    void nanComponentMakesItsPairsValueAndGradientNaNAsPytorch() {
        Tensor gradient = Tensor.zeros(1, 2, 2);
        double value = new CosineEmbeddingLoss().compute(Tensor.of(new float[] {Float.NaN, 0, 1, 0}, 1, 2, 2),
                Tensor.vector(-1f), gradient);

        assertThat(value).isNaN();
        assertThat(gradient.data()).containsOnly(Float.NaN);
    }
}
