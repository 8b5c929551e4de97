package org.acme.descent.mish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.descent.api.Pass;
import dev.descent.api.Tensor;
import dev.descent.testkit.FiniteDifferences;
import org.junit.jupiter.api.Test;

/**
 * {@link Mish} against values worked by hand. With {@code u = e^x}, {@code tanh(ln(1 + u))} is
 * {@code ((1 + u)^2 - 1) / ((1 + u)^2 + 1) = (u^2 + 2u) / (u^2 + 2u + 2)}, so mish needs no tanh to check.
 */
class MishTest {
    private static final float TOLERANCE = 1e-6f;

    /** tanh(softplus(x)) in the closed form above. */
    private static double tanhSoftplus(double x) {
        double u = Math.exp(x);
        return (u * u + 2 * u) / (u * u + 2 * u + 2);
    }

    private static float forward(float x) {
        return new Mish().forward(Tensor.vector(x), Pass.INFERENCE).data()[0];
    }

    private static float slope(float x) {
        Mish mish = new Mish();
        mish.forward(Tensor.vector(x), Pass.training(new java.util.SplittableRandom(0)));
        return mish.backward(Tensor.vector(1f), true).data()[0];
    }

    @Test
    void zeroMapsToZeroWithSlopeThreeFifths() {
        // y = 0 * tanh(ln 2) = 0; y' = tanh(ln 2) + 0 = (4 - 1) / (4 + 1) = 0.6
        assertThat(forward(0f)).isZero();
        assertThat(slope(0f)).isCloseTo(0.6f, within(TOLERANCE));
    }

    @Test
    void oneMapsToTanhOfSoftplusOne() {
        // y = 1 * (e^2 + 2e) / (e^2 + 2e + 2) = 0.8651
        assertThat(forward(1f)).isCloseTo((float) tanhSoftplus(1), within(TOLERANCE));
        assertThat((double) forward(1f)).isCloseTo(0.8651, within(1e-4));
    }

    @Test
    void slopeAtOneAddsTheSigmoidTerm() {
        // y' = t + 1 * sigmoid(1) * (1 - t^2), t = tanh(softplus(1)), sigmoid(1) = e / (1 + e): 1.0490
        double t = tanhSoftplus(1);
        double sigmoid = Math.E / (1 + Math.E);

        assertThat(slope(1f)).isCloseTo((float) (t + sigmoid * (1 - t * t)), within(TOLERANCE));
        assertThat((double) slope(1f)).isCloseTo(1.0490, within(1e-4));
    }

    @Test
    void negativeInputsDipBelowZero() {
        // y = -1 * (e^-2 + 2e^-1) / (e^-2 + 2e^-1 + 2) = -0.3034: mish is not monotonic
        assertThat(forward(-1f)).isCloseTo((float) -tanhSoftplus(-1), within(TOLERANCE));
        assertThat((double) forward(-1f)).isCloseTo(-0.3034, within(1e-4));
    }

    @Test
    void aboveTheSoftplusThresholdMishIsTheIdentityWithSlopeOne() {
        // softplus(25) = 25, tanh(25) = 1 - 4e-22: y = 25, y' = 1
        assertThat(forward(25f)).isEqualTo(25f);
        assertThat(slope(25f)).isEqualTo(1f);
    }

    @Test
    void hugeInputsStayFinite() {
        // e^100 would be fine in double, e^1000 is not: the threshold keeps softplus from overflowing
        assertThat(forward(1000f)).isEqualTo(1000f);
        assertThat(slope(1000f)).isEqualTo(1f);
    }

    @Test
    void veryNegativeInputsGiveTinyValuesRatherThanZero() {
        // For u = e^x -> 0, tanh(softplus(x)) ~ u, so y ~ x e^x = -30 e^-30 = -2.807e-12; y' ~ (1 + x) e^x
        assertThat((double) forward(-30f)).isCloseTo(-30 * Math.exp(-30), withinPercentage(0.01));
        assertThat((double) slope(-30f)).isCloseTo(-29 * Math.exp(-30), withinPercentage(0.01));
    }

    @Test
    void nanStaysNaN() {
        assertThat(forward(Float.NaN)).isNaN();
    }

    @Test
    void backwardMultipliesTheOutputGradientBySlope() {
        Mish mish = new Mish();
        mish.forward(Tensor.vector(0f, 0f), Pass.training(new java.util.SplittableRandom(0)));

        // slope 0.6 at 0
        Tensor inputGradient = mish.backward(Tensor.vector(2f, -0.5f), true);

        assertThat(inputGradient.data()[0]).isCloseTo(1.2f, within(TOLERANCE));
        assertThat(inputGradient.data()[1]).isCloseTo(-0.3f, within(TOLERANCE));
    }

    @Test
    void backwardMatchesFiniteDifferences() {
        Mish mish = new Mish();
        Tensor input = Tensor.of(new float[] {-3.1f, -1.2f, -0.4f, 0.3f, 1.7f, 4.2f}, 2, 3);
        Tensor numeric = FiniteDifferences.gradient(x -> sum(mish.forward(x, Pass.INFERENCE)), input);

        mish.forward(input, Pass.training(new java.util.SplittableRandom(0)));
        Tensor analytic = mish.backward(Tensor.of(new float[] {1, 1, 1, 1, 1, 1}, 2, 3), true);

        assertThat(FiniteDifferences.maxScaledError(analytic, numeric)).isLessThan(1e-3);
    }

    private static double sum(Tensor tensor) {
        double sum = 0;
        for (float value : tensor.data()) {
            sum += value;
        }
        return sum;
    }

    @Test
    void outputShapeIsTheInputShape() {
        assertThat(new Mish().outputShape(new int[] {3, 4})).containsExactly(3, 4);
    }

    @Test
    void forwardKeepsTheBatchShape() {
        assertThat(new Mish().forward(Tensor.zeros(2, 3, 4), Pass.INFERENCE).shape()).containsExactly(2, 3, 4);
    }

    @Test
    void backwardWithoutATrainingForwardIsRefused() {
        Mish mish = new Mish();
        mish.forward(Tensor.vector(1f), Pass.INFERENCE);

        assertThatThrownBy(() -> mish.backward(Tensor.vector(1f), true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("forward(input, Pass.training(random))");
    }

    @Test
    void backwardOfAnotherShapeIsRefusedNamingBothShapes() {
        Mish mish = new Mish();
        mish.forward(Tensor.zeros(2, 3), Pass.training(new java.util.SplittableRandom(0)));

        assertThatThrownBy(() -> mish.backward(Tensor.zeros(3, 2), true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("mish:")
                .hasMessageContaining("[3, 2]")
                .hasMessageContaining("[2, 3]");
    }
}
