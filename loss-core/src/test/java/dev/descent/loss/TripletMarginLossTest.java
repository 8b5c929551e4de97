package dev.descent.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.Reduction;
import dev.descent.api.Tensor;
import dev.descent.testkit.FiniteDifferences;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TripletMarginLossTest {
    private static final Tensor NO_TARGETS = Tensor.zeros(0);

    // eps = 0. Row 0: a = [0, 0], p = [3, 4], n = [6, 8]: d(a, p) = 5, d(a, n) = 10, max(0, 1 + 5 - 10) = 0.
    // Row 1: a = [0, 0], p = [3, 4], n = [0, 1]: d(a, p) = 5, d(a, n) = 1, 1 + 5 - 1 = 5. Sum 5.
    private final Tensor triplets = Tensor.of(new float[] {0, 0, 3, 4, 6, 8, 0, 0, 3, 4, 0, 1}, 2, 3, 2);

    private static TripletMarginLoss loss(double margin, double p, double eps, boolean swap, Reduction reduction) {
        return new TripletMarginLoss(margin, p, eps, swap, reduction);
    }

    @Test
    void meanIsOverTriplets() {
        assertThat(loss(1, 2, 0, false, Reduction.MEAN).compute(triplets, NO_TARGETS)).isEqualTo(2.5);
    }

    @Test
    void sumAndNoneAddTheTriplets() {
        assertThat(loss(1, 2, 0, false, Reduction.SUM).compute(triplets, NO_TARGETS)).isEqualTo(5.0);
        assertThat(loss(1, 2, 0, false, Reduction.NONE).compute(triplets, NO_TARGETS)).isEqualTo(5.0);
    }

    @Test
    void unreducedHasOneValuePerTriplet() {
        Tensor values = loss(1, 2, 0, false, Reduction.NONE).unreduced(triplets, NO_TARGETS);

        assertThat(values.shape()).containsExactly(2);
        assertThat(values.data()).containsExactly(0f, 5f);
    }

    @Test
    void gradientPullsThePositiveInAndPushesTheNegativeAway() {
        // Row 1: d d(a,p)/d a = (a - p)/5 = [-0.6, -0.8]; d d(a,n)/d a = (a - n)/1 = [0, -1].
        // a: [-0.6, -0.8] - [0, -1] = [-0.6, 0.2]; p: [0.6, 0.8]; n: [0, -1]. Row 0 is inactive.
        Tensor gradient = Tensor.zeros(2, 3, 2);
        loss(1, 2, 0, false, Reduction.SUM).compute(triplets, NO_TARGETS, gradient);

        assertThat(gradient.data()).containsExactly(new float[] {0, 0, 0, 0, 0, 0, -0.6f, 0.2f, 0.6f, 0.8f, 0, -1},
                within(1e-6f));
    }

    @Test
    void epsIsAddedToEachComponentOfTheDifferenceAsPytorchsPairwiseDistance() {
        // a = p: d(a, p) = ||[1e-6, 1e-6]|| = 1.4142136e-6; a - n + eps = [-2 + 1e-6, 1e-6], norm 2 - 1e-6;
        // margin 3: 3 + 1.4142136e-6 - (2 - 1e-6) = 1.0000024
        Tensor triplet = Tensor.of(new float[] {0, 0, 0, 0, 2, 0}, 1, 3, 2);

        assertThat(loss(3, 2, 1e-6, false, Reduction.MEAN).compute(triplet, NO_TARGETS))
                .isCloseTo(1.0000024142, within(1e-9));
    }

    @Test
    void swapUsesTheNegativesDistanceToThePositiveWhenSmaller() {
        // a = [0, 0], p = [3, 4], n = [3, 5]: d(a, n) = √34 = 5.8309519, d(p, n) = 1.
        // Without swap: 1 + 5 - 5.8309519 = 0.1690481; with swap: 1 + 5 - 1 = 5.
        Tensor triplet = Tensor.of(new float[] {0, 0, 3, 4, 3, 5}, 1, 3, 2);

        assertThat(loss(1, 2, 0, false, Reduction.MEAN).compute(triplet, NO_TARGETS))
                .isCloseTo(0.1690481, within(1e-6));
        assertThat(loss(1, 2, 0, true, Reduction.MEAN).compute(triplet, NO_TARGETS)).isCloseTo(5.0, within(1e-12));
    }

    @Test
    void swapSendsTheNegativeGradientThroughTheSwappedDistance() {
        // z = 1 + d(a, p) - d(p, n): a: (a - p)/5 = [-0.6, -0.8]; p: -(a - p)/5 - (p - n)/1 = [0.6, 0.8] - [0, -1];
        // n: (p - n)/1 = [0, -1]
        Tensor gradient = Tensor.zeros(1, 3, 2);
        loss(1, 2, 0, true, Reduction.SUM).compute(Tensor.of(new float[] {0, 0, 3, 4, 3, 5}, 1, 3, 2), NO_TARGETS,
                gradient);

        assertThat(gradient.data()).containsExactly(new float[] {-0.6f, -0.8f, 0.6f, 1.8f, 0, -1}, within(1e-6f));
    }

    @Test
    void oneNormDistanceAndItsSignGradient() {
        // a = [0, 0], p = [1, 2], n = [2, -2]: d(a, p) = 3, d(a, n) = 4; margin 2: 2 + 3 - 4 = 1.
        // a: sign(a - p) - sign(a - n) = [-1, -1] - [-1, 1] = [0, -2]; p: [1, 1]; n: sign(a - n) = [-1, 1]
        Tensor gradient = Tensor.zeros(1, 3, 2);
        double value = loss(2, 1, 0, false, Reduction.SUM).compute(Tensor.of(new float[] {0, 0, 1, 2, 2, -2}, 1, 3, 2),
                NO_TARGETS, gradient);

        assertThat(value).isEqualTo(1.0);
        assertThat(gradient.data()).containsExactly(0, -2, 1, 1, -1, 1);
    }

    @Test
    void infinityNormIsTheLargestComponentAndSharesItsGradientAmongTies() {
        // a = [0, 0], p = [1, -1], n = [3, 0]: d(a, p) = max(1, 1) = 1 with a tie, d(a, n) = 3; margin 2.5: 0.5.
        // d d(a,p)/d a = sign(a - p)/2 = [-0.5, 0.5]; d d(a,n)/d a = [-1, 0].
        Tensor gradient = Tensor.zeros(1, 3, 2);
        double value = loss(2.5, Double.POSITIVE_INFINITY, 0, false, Reduction.SUM)
                .compute(Tensor.of(new float[] {0, 0, 1, -1, 3, 0}, 1, 3, 2), NO_TARGETS, gradient);

        assertThat(value).isEqualTo(0.5);
        assertThat(gradient.data()).containsExactly(0.5f, 0.5f, 0.5f, -0.5f, -1f, 0f);
    }

    @Test
    void aTripletExactlyAtTheMarginKeepsItsGradientAsPytorchsClampMin() {
        // a = [0], p = [1], n = [2]: 1 + 1 - 2 = 0, loss 0; gradient a: 1·(-1) - (-1) = 0, p: 1, n: -1
        Tensor gradient = Tensor.zeros(1, 3, 1);
        double value = loss(1, 2, 0, false, Reduction.SUM).compute(Tensor.of(new float[] {0, 1, 2}, 1, 3, 1),
                NO_TARGETS, gradient);

        assertThat(value).isZero();
        assertThat(gradient.data()).containsExactly(0f, 1f, -1f);
    }

    @Test
    void coincidentVectorsWithoutEpsGiveAZeroGradientAsPytorchsNorm() {
        // a = p: d(a, p) = 0, whose gradient PyTorch sets to 0; n = [0.5, 0]: 1 + 0 - 0.5 = 0.5
        Tensor gradient = Tensor.zeros(1, 3, 2);
        Tensor triplet = Tensor.of(new float[] {0, 0, 0, 0, 0.5f, 0}, 1, 3, 2);
        double value = loss(1, 2, 0, false, Reduction.SUM).compute(triplet, NO_TARGETS, gradient);

        assertThat(value).isEqualTo(0.5);
        assertThat(gradient.data()).containsExactly(new float[] {1f, 0f, 0f, 0f, -1f, 0f}, within(0f));
    }

    @Test
    void targetsAreIgnored() {
        TripletMarginLoss loss = new TripletMarginLoss();

        assertThat(loss.compute(triplets, Tensor.vector(7f, -3f, 1f))).isEqualTo(loss.compute(triplets, NO_TARGETS));
    }

    @Test
    void gradientMatchesFiniteDifferencesForEachNormAndSwap() {
        SplittableRandom random = new SplittableRandom(37);
        float[] x = new float[6 * 3 * 4];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextDouble(-2, 2);
        }
        Tensor point = Tensor.of(x, 6, 3, 4);
        for (double p : new double[] {2, 3}) {
            for (boolean swap : new boolean[] {false, true}) {
                TripletMarginLoss loss = loss(3, p, 1e-6, swap, Reduction.MEAN);
                Tensor numeric = FiniteDifferences.gradient(v -> loss.compute(v, NO_TARGETS), point);
                Tensor analytic = Tensor.zeros(6, 3, 4);

                loss.compute(point, NO_TARGETS, analytic);

                assertThat(FiniteDifferences.maxScaledError(analytic, numeric)).as("p = %s, swap = %s", p, swap)
                        .isLessThan(1e-4);
            }
        }
    }

    @Test
    void predictionsThatAreNotTripletsAreRefusedNamingTheirShapeAndTheLayout() {
        assertThatThrownBy(() -> new TripletMarginLoss().compute(Tensor.zeros(4, 2, 3), Tensor.zeros(4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("triplet_margin: predictions of shape [4, 2, 3] are not triplets; expected [N, 3, D]"
                        + " (anchor, positive, negative stacked on axis 1) (targets, here of shape [4], are ignored)");
    }

    @Test
    void normDegreeBelowOneIsRefused() {
        assertThatThrownBy(() -> loss(1, 0.5, 1e-6, false, Reduction.MEAN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("triplet_margin: p is '0.5'; expected a norm degree >= 1 (inf for the largest component)");
    }

    @Test
    void nanComponentMakesItsTripletsValueAndGradientNaNAsPytorch() {
        Tensor gradient = Tensor.zeros(1, 3, 2);
        double value = new TripletMarginLoss().compute(Tensor.of(new float[] {Float.NaN, 0, 1, 0, 2, 0}, 1, 3, 2),
                NO_TARGETS, gradient);

        assertThat(value).isNaN();
        assertThat(gradient.data()).containsOnly(Float.NaN);
    }
}
