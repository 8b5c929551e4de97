package dev.descent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A loss written as a {@link Dual} formula through {@link ElementwiseLoss#of} against the same loss by hand. */
class ElementwiseLossFormulaTest {

    /** The logistic loss on logits, log(1 + e^p) - t p, as a formula. */
    private static ElementwiseLoss logisticFormula(Reduction reduction) {
        return ElementwiseLoss.of("logistic", reduction, (p, t) -> p.softplus().minus(p.times(t)));
    }

    /** The same loss by hand: the stable max(p, 0) - t p + log1p(e^-|p|), derivative σ(p) - t. */
    private static final class LogisticByHand extends ElementwiseLoss {
        LogisticByHand(Reduction reduction) {
            super("logistic", reduction);
        }

        @Override
        protected double value(double p, double t) {
            return Math.max(p, 0) - t * p + Math.log1p(Math.exp(-Math.abs(p)));
        }

        @Override
        protected double derivative(double p, double t) {
            double sigmoid = p >= 0 ? 1 / (1 + Math.exp(-p)) : Math.exp(p) / (1 + Math.exp(p));
            return sigmoid - t;
        }
    }

    private static final ElementwiseLoss SQUARED = ElementwiseLoss.of("squared", Reduction.MEAN,
            (p, t) -> p.minus(t).square());

    /** Logits in [-6, 6), targets in [0, 1), of shape [3, 5]. */
    private static Tensor[] randomPoint(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] p = new float[15];
        float[] t = new float[15];
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) random.nextDouble(-6, 6);
            t[i] = (float) random.nextDouble(0, 1);
        }
        return new Tensor[] {Tensor.of(p, 3, 5), Tensor.of(t, 3, 5)};
    }

    @ParameterizedTest
    @EnumSource(Reduction.class)
    void valueEqualsTheHandWrittenLoss(Reduction reduction) {
        for (long seed = 1; seed <= 3; seed++) {
            Tensor[] point = randomPoint(seed);

            assertThat(logisticFormula(reduction).compute(point[0], point[1]))
                    .isCloseTo(new LogisticByHand(reduction).compute(point[0], point[1]), within(1e-12));
        }
    }

    @ParameterizedTest
    @EnumSource(Reduction.class)
    void gradientEqualsTheHandWrittenLoss(Reduction reduction) {
        for (long seed = 1; seed <= 3; seed++) {
            Tensor[] point = randomPoint(seed);
            Tensor fromFormula = Tensor.zeros(3, 5);
            Tensor byHand = Tensor.zeros(3, 5);

            logisticFormula(reduction).compute(point[0], point[1], fromFormula);
            new LogisticByHand(reduction).compute(point[0], point[1], byHand);

            assertThat(fromFormula.data()).containsExactly(byHand.data(), within(1e-7f));
        }
    }

    @Test
    void unreducedEqualsTheHandWrittenLoss() {
        Tensor[] point = randomPoint(4);

        Tensor fromFormula = logisticFormula(Reduction.NONE).unreduced(point[0], point[1]);
        Tensor byHand = new LogisticByHand(Reduction.NONE).unreduced(point[0], point[1]);

        assertThat(fromFormula.shape()).containsExactly(3, 5);
        assertThat(fromFormula.data()).containsExactly(byHand.data(), within(1e-6f));
    }

    @Test
    void largeLogitsGiveFiniteValuesAndGradients() {
        // softplus(1e4) - 0 = 1e4, slope σ(1e4) - 0 = 1; softplus(-1e4) - 1 · (-1e4) = 1e4, slope 0 - 1 = -1
        Tensor gradient = Tensor.zeros(2);
        double value = logisticFormula(Reduction.SUM).compute(Tensor.vector(1e4f, -1e4f), Tensor.vector(0f, 1f),
                gradient);

        assertThat(value).isEqualTo(2e4);
        assertThat(gradient.data()).containsExactly(1f, -1f);
    }

    @Test
    void meanIsTheSumOverN() {
        // (p - t)² = [4, 4, 0, 0.25], summing to 8.25; 8.25 / 4
        assertThat(SQUARED.compute(Tensor.vector(3f, -1f, 2f, 0.5f), Tensor.vector(1f, 1f, 2f, 0f)))
                .isEqualTo(2.0625);
    }

    @Test
    void meanGradientIsTheDerivativeOverN() {
        // 2 (p - t) / 4 = [1, -1, 0, 0.25]
        Tensor gradient = Tensor.zeros(4);
        SQUARED.compute(Tensor.vector(3f, -1f, 2f, 0.5f), Tensor.vector(1f, 1f, 2f, 0f), gradient);

        assertThat(gradient.data()).containsExactly(1f, -1f, 0f, 0.25f);
    }

    @Test
    void sumIsTheSumAndItsGradientTheDerivative() {
        ElementwiseLoss squared = ElementwiseLoss.of("squared", Reduction.SUM, (p, t) -> p.minus(t).square());
        Tensor gradient = Tensor.zeros(4);

        double value = squared.compute(Tensor.vector(3f, -1f, 2f, 0.5f), Tensor.vector(1f, 1f, 2f, 0f), gradient);

        assertThat(value).isEqualTo(8.25);
        assertThat(gradient.data()).containsExactly(4f, -4f, 0f, 1f);
    }

    @Test
    void noneReturnsTheSumOfTheUnreducedValuesAndItsGradient() {
        ElementwiseLoss squared = ElementwiseLoss.of("squared", Reduction.NONE, (p, t) -> p.minus(t).square());
        Tensor gradient = Tensor.zeros(4);

        double value = squared.compute(Tensor.vector(3f, -1f, 2f, 0.5f), Tensor.vector(1f, 1f, 2f, 0f), gradient);
        Tensor values = squared.unreduced(Tensor.vector(3f, -1f, 2f, 0.5f), Tensor.vector(1f, 1f, 2f, 0f));

        assertThat(value).isEqualTo(8.25);
        assertThat(gradient.data()).containsExactly(4f, -4f, 0f, 1f);
        assertThat(values.data()).containsExactly(4f, 4f, 0f, 0.25f);
    }

    @Test
    void targetIsAConstantOfTheFormula() {
        // d/dp (p · t) = t, not p + t: the target carries no derivative
        ElementwiseLoss product = ElementwiseLoss.of("product", Reduction.SUM, (p, t) -> p.times(t));
        Tensor gradient = Tensor.zeros(2);

        product.compute(Tensor.vector(5f, 7f), Tensor.vector(2f, -3f), gradient);

        assertThat(gradient.data()).containsExactly(2f, -3f);
    }

    @Test
    void gradientOverwritesWhatTheBufferHeld() {
        Tensor gradient = Tensor.zeros(2);
        gradient.fill(Float.NaN);

        SQUARED.compute(Tensor.vector(3f, 1f), Tensor.vector(1f, 1f), gradient);

        assertThat(gradient.data()).containsExactly(2f, 0f);
    }

    @Test
    void nanPredictionPropagatesToValueAndGradient() {
        Tensor gradient = Tensor.zeros(2);
        double value = SQUARED.compute(Tensor.vector(Float.NaN, 1f), Tensor.vector(0f, 0f), gradient);

        assertThat(value).isNaN();
        assertThat(gradient.data()[0]).isNaN();
        assertThat(gradient.data()[1]).isEqualTo(1f);
    }

    @Test
    void meanOfAnEmptyTensorIsNaN() {
        assertThat(SQUARED.compute(Tensor.zeros(0, 3), Tensor.zeros(0, 3), Tensor.zeros(0, 3))).isNaN();
    }

    @Test
    void shapeMismatchNamesTheLossAndBothShapes() {
        assertThatThrownBy(() -> SQUARED.compute(Tensor.zeros(2, 3), Tensor.zeros(3, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("squared: predictions of shape [2, 3] do not match targets of shape [3, 2];"
                        + " both must have the same shape");
    }

    @Test
    void unreducedRefusesAShapeMismatchNamingTheLossAndBothShapes() {
        assertThatThrownBy(() -> SQUARED.unreduced(Tensor.zeros(4), Tensor.zeros(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("squared:")
                .hasMessageContaining("[4]")
                .hasMessageContaining("[5]");
    }

    @Test
    void gradientBufferOfAnotherShapeIsRefused() {
        assertThatThrownBy(() -> SQUARED.compute(Tensor.zeros(2, 3), Tensor.zeros(2, 3), Tensor.zeros(6)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("squared: gradient buffer of shape [6] does not match predictions of shape [2, 3]");
    }

    @Test
    void nameReductionAndSpecComeFromTheFactory() {
        ElementwiseLoss loss = ElementwiseLoss.of("squared", Reduction.SUM, (p, t) -> p.minus(t).square());

        assertThat(loss.name()).isEqualTo("squared");
        assertThat(loss.reduction()).isEqualTo(Reduction.SUM);
        assertThat(loss).hasToString("squared(reduction=sum)");
    }

    @Test
    void nullFormulaIsRefused() {
        assertThatThrownBy(() -> ElementwiseLoss.of("squared", Reduction.MEAN, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("formula is null");
    }
}
