package dev.descent.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.Reduction;
import dev.descent.api.Tensor;
import dev.descent.testkit.FiniteDifferences;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaussianNllLossTest {
    // 0.5 ln(2π)
    private static final double HALF_LOG_TWO_PI = 0.9189385332046727;

    // Two samples [mean, variance]: [1, 2] for target 3 and [0, 0.5] for target 0.
    private final Tensor predictions = Tensor.of(new float[] {1f, 2f, 0f, 0.5f}, 2, 2);
    private final Tensor targets = Tensor.vector(3f, 0f);

    @Test
    void unreducedValuesAreHalfTheLogVarianceAndTheScaledSquaredError() {
        // 0.5 (ln 2 + (1 - 3)² / 2) = 0.5 ln 2 + 1 = 1.3465736; 0.5 (ln 0.5 + 0) = -0.3465736; shape of targets
        Tensor values = new GaussianNllLoss(false, 1e-6, Reduction.NONE).unreduced(predictions, targets);

        assertThat(values.shape()).containsExactly(2);
        assertThat(values.data()).containsExactly(new float[] {1.3465736f, -0.3465736f}, within(1e-7f));
    }

    @Test
    void sumIsTheSumOverTargets() {
        // 0.5 ln 2 + 1 - 0.5 ln 2 = 1
        assertThat(new GaussianNllLoss(false, 1e-6, Reduction.SUM).compute(predictions, targets))
                .isCloseTo(1, within(1e-12));
    }

    @Test
    void meanIsOverTargetsNotOverPredictions() {
        // 1 / 2 targets (not / 4 predictions)
        assertThat(new GaussianNllLoss().compute(predictions, targets)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void fullAddsHalfTheLogOfTwoPiPerElement() {
        // 1 + 2 · 0.5 ln(2π)
        assertThat(new GaussianNllLoss(true, 1e-6, Reduction.SUM).compute(predictions, targets))
                .isCloseTo(1 + 2 * HALF_LOG_TWO_PI, within(1e-12));
    }

    @Test
    void gradientHoldsTheMeanAndVarianceDerivativesInThePredictionsLayout() {
        // mean: (m - t) / v = -2 / 2 = -1 and 0; variance: 0.5 (1 / v - (m - t)² / v²) = 0.5 (0.5 - 1) = -0.25
        // and 0.5 (2 - 0) = 1
        Tensor gradient = Tensor.zeros(2, 2);
        new GaussianNllLoss(false, 1e-6, Reduction.SUM).compute(predictions, targets, gradient);

        assertThat(gradient.data()).containsExactly(-1f, -0.25f, 0f, 1f);
    }

    @Test
    void meanGradientIsDividedByTheNumberOfTargets() {
        Tensor gradient = Tensor.zeros(2, 2);
        new GaussianNllLoss().compute(predictions, targets, gradient);

        assertThat(gradient.data()).containsExactly(-0.5f, -0.125f, 0f, 0.5f);
    }

    @Test
    void innerAxesFollowTheStackedAxis() {
        // [1, 2, 2]: means [1, 0], variances [2, 0.5], targets [1, 2] [[3, 0]]: the same two elements
        Tensor stacked = Tensor.of(new float[] {1f, 0f, 2f, 0.5f}, 1, 2, 2);
        Tensor gradient = Tensor.zeros(1, 2, 2);
        GaussianNllLoss loss = new GaussianNllLoss(false, 1e-6, Reduction.SUM);

        double value = loss.compute(stacked, Tensor.of(new float[] {3f, 0f}, 1, 2), gradient);
        Tensor values = loss.unreduced(stacked, Tensor.of(new float[] {3f, 0f}, 1, 2));

        assertThat(value).isCloseTo(1, within(1e-12));
        assertThat(values.shape()).containsExactly(1, 2);
        assertThat(gradient.data()).containsExactly(-1f, 0f, -0.25f, 1f);
    }

    @Test
    void varianceBelowEpsIsClampedToEps() {
        // var 0 and 1e-8 both count as 1e-6: 0.5 ln 1e-6 = -6.9077553 where m = t
        Tensor values = new GaussianNllLoss(false, 1e-6, Reduction.NONE)
                .unreduced(Tensor.of(new float[] {2f, 0f, 2f, 1e-8f}, 2, 2), Tensor.vector(2f, 2f));

        assertThat(values.data()).containsExactly(new float[] {-6.9077553f, -6.9077553f}, within(1e-6f));
    }

    @Test
    void varianceGradientFlowsThroughTheClampAsPyTorch113() {
        // PyTorch clamps a clone under no_grad: the derivative at v = eps, 0.5 (1 / 1e-6 - 0) = 5e5, not 0
        Tensor gradient = Tensor.zeros(1, 2);
        new GaussianNllLoss(false, 1e-6, Reduction.SUM).compute(Tensor.of(new float[] {2f, 0f}, 1, 2),
                Tensor.vector(2f), gradient);

        assertThat(gradient.data()[1]).isCloseTo(5e5f, within(0.1f));
    }

    @Test
    void gradientMatchesFiniteDifferencesAtRandomPoints() {
        // means and targets in [-2, 2), variances in [0.2, 2): above eps, where the clamp is not in play
        SplittableRandom random = new SplittableRandom(41);
        for (int point = 0; point < 3; point++) {
            float[] x = new float[3 * 2 * 4];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) ((i / 4) % 2 == 1 ? random.nextDouble(0.2, 2) : random.nextDouble(-2, 2));
            }
            float[] t = new float[3 * 4];
            for (int i = 0; i < t.length; i++) {
                t[i] = (float) random.nextDouble(-2, 2);
            }
            Tensor targets = Tensor.of(t, 3, 4);
            GaussianNllLoss loss = new GaussianNllLoss(true, 1e-6, Reduction.MEAN);
            Tensor stacked = Tensor.of(x, 3, 2, 4);
            Tensor numeric = FiniteDifferences.gradient(p -> loss.compute(p, targets), stacked);
            Tensor analytic = Tensor.zeros(3, 2, 4);

            loss.compute(stacked, targets, analytic);

            assertThat(FiniteDifferences.maxScaledError(analytic, numeric)).isLessThan(1e-4);
        }
    }

    @Test
    void negativeVarianceIsRefusedNamingItsIndexAndValue() {
        assertThatThrownBy(() -> new GaussianNllLoss().compute(Tensor.of(new float[] {1f, 2f, 0f, -0.5f}, 2, 2),
                targets))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gaussian_nll: variance at [1, 1] is '-0.5'; variances (index 1 of axis 1) must be"
                        + " non-negative");
    }

    @Test
    void predictionsWithoutTwoEntriesOnAxisOneAreRefusedNamingBothShapes() {
        assertThatThrownBy(() -> new GaussianNllLoss().compute(Tensor.zeros(4, 3), Tensor.zeros(4, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gaussian_nll: predictions of shape [4, 3] with targets of shape [4, 3] do not stack the"
                        + " mean and the variance on axis 1; expected predictions [N, 2, d1, ...] with targets"
                        + " [N, d1, ...]");
    }

    @Test
    void targetsThatDoNotFitThePredictionsAreRefusedNamingBothShapesAndTheExpectedOne() {
        assertThatThrownBy(() -> new GaussianNllLoss().unreduced(Tensor.zeros(4, 2, 3), Tensor.zeros(4, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gaussian_nll: predictions of shape [4, 2, 3] do not match targets of shape [4, 2];"
                        + " predictions [N, 2, d1, ...] (mean and variance stacked on axis 1) need targets"
                        + " [N, d1, ...], here [4, 3]");
    }

    @Test
    void gradientBufferOfAnotherShapeIsRefused() {
        assertThatThrownBy(() -> new GaussianNllLoss().compute(predictions, targets, Tensor.zeros(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("gaussian_nll: gradient buffer of shape [2]");
    }

    @Test
    void nanMeanMakesTheValueNaN() {
        assertThat(new GaussianNllLoss().compute(Tensor.of(new float[] {Float.NaN, 1f}, 1, 2), Tensor.vector(0f)))
                .isNaN();
    }

    @Test
    void nanVarianceMakesTheValueNaN() {
        assertThat(new GaussianNllLoss().compute(Tensor.of(new float[] {0f, Float.NaN}, 1, 2), Tensor.vector(0f)))
                .isNaN();
    }

    @Test
    void meanOfNoTargetsIsNaN() {
        assertThat(new GaussianNllLoss().compute(Tensor.zeros(0, 2), Tensor.zeros(0))).isNaN();
    }

    @Test
    void negativeEpsIsRefused() {
        assertThatThrownBy(() -> new GaussianNllLoss(false, -1, Reduction.MEAN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gaussian_nll: eps is '-1.0'; it must be at least 0");
    }

    @Test
    void toStringIsTheSpec() {
        assertThat(new GaussianNllLoss(true, 0.5, Reduction.NONE))
                .hasToString("gaussian_nll(full=true, eps=0.5, reduction=none)");
    }
}
