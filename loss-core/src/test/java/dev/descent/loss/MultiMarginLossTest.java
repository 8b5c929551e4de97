package dev.descent.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.Reduction;
import dev.descent.api.Tensor;
import dev.descent.testkit.FiniteDifferences;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MultiMarginLossTest {
    // PyTorch's documented example: x = [0.1, 0.2, 0.4, 0.8], y = 3; the violations 1 - 0.8 + x_i are
    // [0.3, 0.4, 0.6] and the loss (0.3 + 0.4 + 0.6) / 4 = 0.325.
    private final Tensor example = Tensor.of(new float[] {0.1f, 0.2f, 0.4f, 0.8f}, 1, 4);
    private final Tensor exampleTarget = Tensor.vector(3f);

    @Test
    void pytorchDocumentationExampleIs0325() {
        assertThat(new MultiMarginLoss().compute(example, exampleTarget)).isCloseTo(0.325, within(1e-6));
    }

    @Test
    void squaredViolationsWithPEqualTwo() {
        // (0.09 + 0.16 + 0.36) / 4 = 0.1525
        MultiMarginLoss loss = new MultiMarginLoss(2, 1, null, Reduction.MEAN);

        assertThat(loss.compute(example, exampleTarget)).isCloseTo(0.1525, within(1e-6));
    }

    @Test
    void gradientIsOneOverCPerViolationAndMinusTheirSumForTheTrueClass() {
        // p = 1: 1/4 for each of the three violating classes, -3/4 for the true class
        Tensor gradient = Tensor.zeros(1, 4);
        new MultiMarginLoss().compute(example, exampleTarget, gradient);

        assertThat(gradient.data()).containsExactly(new float[] {0.25f, 0.25f, 0.25f, -0.75f}, within(1e-7f));
    }

    @Test
    void gradientWithPEqualTwoIsTwiceTheViolationOverC() {
        // 2 [0.3, 0.4, 0.6] / 4 = [0.15, 0.2, 0.3]; the true class -0.65
        Tensor gradient = Tensor.zeros(1, 4);
        new MultiMarginLoss(2, 1, null, Reduction.MEAN).compute(example, exampleTarget, gradient);

        assertThat(gradient.data()).containsExactly(new float[] {0.15f, 0.2f, 0.3f, -0.65f}, within(1e-6f));
    }

    @Test
    void weightOfTheTrueClassScalesAfterThePowerAsPytorchsKernel() {
        // w_3 = 2: 2 · 0.1525 = 0.305 (a weight inside the power would give 4 · 0.1525 = 0.61)
        MultiMarginLoss loss = new MultiMarginLoss(2, 1, new double[] {1, 1, 1, 2}, Reduction.MEAN);

        assertThat(loss.compute(example, exampleTarget)).isCloseTo(0.305, within(1e-6));
    }

    @Test
    void marginSetsHowFarAboveTheTrueScoreMustBe() {
        // margin 0.5: violations 0.5 - 0.8 + x_i = [-0.2, -0.1, 0.1]: only 0.1 counts, 0.1 / 4 = 0.025
        MultiMarginLoss loss = new MultiMarginLoss(1, 0.5, null, Reduction.MEAN);

        assertThat(loss.compute(example, exampleTarget)).isCloseTo(0.025, within(1e-6));
    }

    @Test
    void meanIsOverSamplesAndSumAddsThem() {
        // Row 0 is the example, 0.325; row 1: y = 1, violations 1 - 0.9 + [0.1, 0.2, 0.2] = [0.2, 0.3, 0.3],
        // (0.2 + 0.3 + 0.3) / 4 = 0.2. Mean (0.325 + 0.2) / 2 = 0.2625, sum 0.525.
        Tensor predictions = Tensor.of(new float[] {0.1f, 0.2f, 0.4f, 0.8f, 0.1f, 0.9f, 0.2f, 0.2f}, 2, 4);
        Tensor targets = Tensor.vector(3f, 1f);

        assertThat(new MultiMarginLoss(1, 1, null, Reduction.MEAN).compute(predictions, targets))
                .isCloseTo(0.2625, within(1e-6));
        assertThat(new MultiMarginLoss(1, 1, null, Reduction.SUM).compute(predictions, targets))
                .isCloseTo(0.525, within(1e-6));
        assertThat(new MultiMarginLoss(1, 1, null, Reduction.NONE).compute(predictions, targets))
                .isCloseTo(0.525, within(1e-6));
        assertThat(new MultiMarginLoss().unreduced(predictions, targets).data())
                .containsExactly(new float[] {0.325f, 0.2f}, within(1e-6f));
    }

    @Test
    void aScoreExactlyAtTheMarginAddsNoGradientAsPytorchsStrictTest() {
        // x = [1, 0, 0.5], y = 0: 1 - 1 + 0 = 0 adds nothing; 1 - 1 + 0.5 = 0.5 gives 0.5 / 3
        Tensor gradient = Tensor.zeros(1, 3);
        double value = new MultiMarginLoss().compute(Tensor.of(new float[] {1, 0, 0.5f}, 1, 3), Tensor.vector(0f),
                gradient);

        assertThat(value).isCloseTo(0.5 / 3, within(1e-9));
        assertThat(gradient.data()).containsExactly(new float[] {-1 / 3f, 0f, 1 / 3f}, within(1e-7f));
    }

    @Test
    void gradientMatchesFiniteDifferencesAwayFromTheMargin() {
        // Scores on a grid of 0.1 shifted by 0.013 per class: no violation within a step of 0.
        SplittableRandom random = new SplittableRandom(3);
        float[] x = new float[5 * 4];
        float[] y = new float[5];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.1 * random.nextInt(-10, 10) + 0.013 * (i % 4));
        }
        for (int row = 0; row < y.length; row++) {
            y[row] = random.nextInt(4);
        }
        Tensor predictions = Tensor.of(x, 5, 4);
        Tensor targets = Tensor.of(y, 5);
        for (int p = 1; p <= 2; p++) {
            MultiMarginLoss loss = new MultiMarginLoss(p, 1, new double[] {1, 0.5, 2, 1.5}, Reduction.MEAN);
            Tensor numeric = FiniteDifferences.gradient(v -> loss.compute(v, targets), predictions);
            Tensor analytic = Tensor.zeros(5, 4);

            loss.compute(predictions, targets, analytic);

            assertThat(FiniteDifferences.maxScaledError(analytic, numeric)).as("p = %d", p).isLessThan(1e-4);
        }
    }

    @Test
    void classIndexOutsideTheClassesIsRefusedNamingIndexAndValue() {
        assertThatThrownBy(() -> new MultiMarginLoss().compute(Tensor.zeros(2, 4), Tensor.vector(0f, 4f)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("multi_margin: target at [1] is class '4', outside [0, 4) for predictions with 4 classes");
    }

    @Test
    void negativeClassIndexIsRefused() {
        assertThatThrownBy(() -> new MultiMarginLoss().unreduced(Tensor.zeros(2, 4), Tensor.vector(-1f, 0f)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("multi_margin: target at [0] is class '-1', outside [0, 4) for predictions with 4 classes");
    }

    @Test
    void nonIntegralClassIndexIsRefused() {
        assertThatThrownBy(() -> new MultiMarginLoss().compute(Tensor.zeros(2, 4), Tensor.vector(1.5f, 0f)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("multi_margin: target at [0] is '1.5', not a class index; expected an integer in [0, 4)");
    }

    @Test
    void weightOfAnotherLengthThanTheClassesIsRefused() {
        MultiMarginLoss loss = new MultiMarginLoss(1, 1, new double[] {1, 2}, Reduction.MEAN);

        assertThatThrownBy(() -> loss.compute(Tensor.zeros(2, 4), Tensor.vector(0f, 1f)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("multi_margin: weight has 2 elements but predictions of shape [2, 4] have 4 classes;"
                        + " give one weight per class");
    }

    @Test
    void shapeMismatchNamesBothShapesAndTheExpectedLayout() {
        assertThatThrownBy(() -> new MultiMarginLoss().compute(Tensor.zeros(2, 4), Tensor.zeros(3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("multi_margin: predictions of shape [2, 4] do not fit targets of shape [3]; expected"
                        + " scores [N, C] and class indices [N]");
    }

    @Test
    void onlyPOfOneOrTwoIsAccepted() {
        assertThatThrownBy(() -> new MultiMarginLoss(3, 1, null, Reduction.MEAN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("multi_margin: p is '3'; only 1 and 2 are supported");
    }

    @Test
    void nanScoreMakesValueAndGradientNaNUnlikePytorchWhichDropsIt() {
        Tensor gradient = Tensor.zeros(1, 3);
        double value = new MultiMarginLoss().compute(Tensor.of(new float[] {Float.NaN, 0, 0}, 1, 3),
                Tensor.vector(1f), gradient);

        assertThat(value).isNaN();
        assertThat(gradient.data()[0]).isNaN();
        assertThat(gradient.data()[1]).isNaN();
    }
}
