package dev.descent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DualTest {
    private static final double STEP = 1e-6;

    /** The central difference of {@code f}'s value at {@code x}, in double: accurate to about 1e-9. */
    private static double centralDifference(UnaryOperator<Dual> f, double x) {
        return (f.apply(Dual.constant(x + STEP)).value() - f.apply(Dual.constant(x - STEP)).value()) / (2 * STEP);
    }

    private static Arguments operation(String name, UnaryOperator<Dual> f, double... points) {
        return Arguments.of(Named.of(name, f), points);
    }

    /** Each operation, at points of its domain away from kinks, composed with the variable where it takes two. */
    static Stream<Arguments> operations() {
        return Stream.of(
                operation("plus(Dual)", x -> x.plus(x.square()), -2, -0.3, 0.7, 3),
                operation("plus(double)", x -> x.plus(2.5), -2, 0.7, 3),
                operation("minus(Dual)", x -> x.minus(x.exp()), -2, 0.7, 3),
                operation("minus(double)", x -> x.minus(2.5), -2, 0.7, 3),
                operation("negate", Dual::negate, -2, 0.7, 3),
                operation("times(Dual)", x -> x.times(x.exp()), -2, -0.3, 0.7, 3),
                operation("times(double)", x -> x.times(-1.5), -2, 0.7, 3),
                operation("div(Dual)", x -> x.div(x.square().plus(1)), -2, -0.3, 0.7, 3),
                operation("div(double)", x -> x.div(4), -2, 0.7, 3),
                operation("constant.div(Dual)", x -> Dual.constant(3).div(x), -2, -0.3, 0.7, 3),
                operation("square", Dual::square, -2, -0.3, 0.7, 3),
                operation("pow(3)", x -> x.pow(3), -2, -0.3, 0.7, 3),
                operation("pow(-0.5)", x -> x.pow(-0.5), 0.3, 0.7, 3),
                operation("pow(2.5)", x -> x.pow(2.5), 0.3, 0.7, 3),
                operation("sqrt", Dual::sqrt, 0.01, 0.7, 3, 100),
                operation("exp", Dual::exp, -5, -0.3, 0.7, 3),
                operation("expm1", Dual::expm1, -5, -1e-3, 0.7, 3),
                operation("log", Dual::log, 0.01, 0.7, 3, 100),
                operation("log1p", Dual::log1p, -0.9, -1e-3, 0.7, 3),
                operation("abs", Dual::abs, -2, -0.3, 0.7, 3),
                operation("max(Dual)", x -> x.max(x.square()), -2, 0.3, 0.7, 3),
                operation("max(double)", x -> x.max(0.5), -2, 0.3, 0.7, 3),
                operation("min(Dual)", x -> x.min(x.square()), -2, 0.3, 0.7, 3),
                operation("min(double)", x -> x.min(0.5), -2, 0.3, 0.7, 3),
                operation("sigmoid", Dual::sigmoid, -20, -2, -0.3, 0, 0.7, 3, 20),
                operation("softplus", Dual::softplus, -20, -2, -0.3, 0, 0.7, 3, 20),
                operation("tanh", Dual::tanh, -3, -0.3, 0, 0.7, 3),
                operation("cosh", Dual::cosh, -3, -0.3, 0, 0.7, 3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void derivativeMatchesCentralDifferences(UnaryOperator<Dual> f, double[] points) {
        for (double x : points) {
            double derivative = f.apply(Dual.variable(x)).derivative();

            assertThat(derivative).as("derivative at %s", x)
                    .isCloseTo(centralDifference(f, x), within(1e-6 * Math.max(1, Math.abs(derivative))));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void valueDoesNotDependOnTheDerivativeCarried(UnaryOperator<Dual> f, double[] points) {
        for (double x : points) {
            assertThat(f.apply(Dual.variable(x)).value()).isEqualTo(f.apply(Dual.constant(x)).value());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void aConstantHasZeroDerivativeThroughEveryOperation(UnaryOperator<Dual> f, double[] points) {
        for (double x : points) {
            assertThat(f.apply(Dual.constant(x)).derivative()).isZero();
        }
    }

    @Test
    void variableHasDerivativeOne() {
        assertThat(Dual.variable(2.5)).isEqualTo(new Dual(2.5, 1));
    }

    @Test
    void constantHasDerivativeZero() {
        assertThat(Dual.constant(2.5)).isEqualTo(new Dual(2.5, 0));
    }

    @Test
    void plusAddsValuesAndDerivatives() {
        // (3 + 2ε) + (4 + 5ε) = 7 + 7ε; a constant adds to the value only
        assertThat(new Dual(3, 2).plus(new Dual(4, 5))).isEqualTo(new Dual(7, 7));
        assertThat(new Dual(3, 2).plus(4)).isEqualTo(new Dual(7, 2));
    }

    @Test
    void minusSubtractsValuesAndDerivatives() {
        // (3 + 2ε) - (4 + 5ε) = -1 - 3ε
        assertThat(new Dual(3, 2).minus(new Dual(4, 5))).isEqualTo(new Dual(-1, -3));
        assertThat(new Dual(3, 2).minus(4)).isEqualTo(new Dual(-1, 2));
    }

    @Test
    void negateFlipsBoth() {
        assertThat(new Dual(3, 2).negate()).isEqualTo(new Dual(-3, -2));
    }

    @Test
    void timesFollowsTheProductRule() {
        // (3 + 2ε)(4 + 5ε) = 12 + (2·4 + 3·5)ε = 12 + 23ε (ε² = 0); a constant scales both
        assertThat(new Dual(3, 2).times(new Dual(4, 5))).isEqualTo(new Dual(12, 23));
        assertThat(new Dual(3, 2).times(4)).isEqualTo(new Dual(12, 8));
    }

    @Test
    void divFollowsTheQuotientRule() {
        // (3 + 2ε) / (4 + 5ε) = 3/4 + (2·4 - 3·5) / 4² ε = 0.75 - 0.4375ε
        assertThat(new Dual(3, 2).div(new Dual(4, 5))).isEqualTo(new Dual(0.75, -0.4375));
        assertThat(new Dual(3, 2).div(4)).isEqualTo(new Dual(0.75, 0.5));
    }

    @Test
    void squareAndPowFollowThePowerRule() {
        // (3 + 2ε)² = 9 + 2·3·2ε = 9 + 12ε; (2 + ε)³ = 8 + 3·2²ε = 8 + 12ε
        assertThat(new Dual(3, 2).square()).isEqualTo(new Dual(9, 12));
        assertThat(new Dual(2, 1).pow(3)).isEqualTo(new Dual(8, 12));
    }

    @Test
    void sqrtHalvesTheDerivativeOverTheRoot() {
        // sqrt(4 + ε) = 2 + ε / (2·2) = 2 + 0.25ε
        assertThat(new Dual(4, 1).sqrt()).isEqualTo(new Dual(2, 0.25));
    }

    @Test
    void expIsItsOwnDerivative() {
        // exp(0 + 2ε) = 1 + 2ε; exp(1 + ε) = e + eε
        assertThat(new Dual(0, 2).exp()).isEqualTo(new Dual(1, 2));
        assertThat(new Dual(1, 1).exp()).isEqualTo(new Dual(Math.E, Math.E));
    }

    @Test
    void expm1KeepsTinyValuesAndHasTheDerivativeOfExp() {
        // expm1(1e-20) = 1e-20 where exp(x) - 1 gives 0; derivative exp(1e-20) = 1
        assertThat(new Dual(1e-20, 1).expm1()).isEqualTo(new Dual(1e-20, 1));
    }

    @Test
    void logDividesTheDerivativeByTheValue() {
        // log(2 + ε) = ln 2 + 0.5ε
        Dual result = new Dual(2, 1).log();

        assertThat(result.value()).isCloseTo(0.6931471805599453, within(1e-15));
        assertThat(result.derivative()).isEqualTo(0.5);
    }

    @Test
    void log1pKeepsTinyValuesAndDividesByOnePlusTheValue() {
        // log1p(1e-20) = 1e-20 where log(1 + x) gives 0; log1p(1 + ε) = ln 2 + 0.5ε
        assertThat(new Dual(1e-20, 1).log1p()).isEqualTo(new Dual(1e-20, 1));
        assertThat(new Dual(1, 1).log1p().derivative()).isEqualTo(0.5);
    }

    @Test
    void absFlipsTheDerivativeOfNegativeValues() {
        // |-3 + 2ε| = 3 - 2ε; |3 + 2ε| = 3 + 2ε
        assertThat(new Dual(-3, 2).abs()).isEqualTo(new Dual(3, -2));
        assertThat(new Dual(3, 2).abs()).isEqualTo(new Dual(3, 2));
    }

    @Test
    void absHasDerivativeZeroAtZeroAsPyTorchsSign() {
        assertThat(new Dual(0, 1).abs()).isEqualTo(new Dual(0, 0));
    }

    @Test
    void maxTakesTheLargerWithItsDerivative() {
        assertThat(new Dual(1, 2).max(new Dual(3, 5))).isEqualTo(new Dual(3, 5));
        assertThat(new Dual(3, 2).max(new Dual(1, 5))).isEqualTo(new Dual(3, 2));
        assertThat(new Dual(1, 2).max(0.5)).isEqualTo(new Dual(1, 2));
        assertThat(new Dual(0, 2).max(0.5)).isEqualTo(new Dual(0.5, 0));
    }

    @Test
    void maxAtATieHasTheMeanOfBothDerivativesAsPyTorchsMaximum() {
        // (1 + 2ε) max (1 + 4ε) = 1 + 3ε; max(x, c) at x = c: half of x's derivative
        assertThat(new Dual(1, 2).max(new Dual(1, 4))).isEqualTo(new Dual(1, 3));
        assertThat(new Dual(2, 1).max(2)).isEqualTo(new Dual(2, 0.5));
    }

    @Test
    void minTakesTheSmallerWithItsDerivative() {
        assertThat(new Dual(1, 2).min(new Dual(3, 5))).isEqualTo(new Dual(1, 2));
        assertThat(new Dual(3, 2).min(new Dual(1, 5))).isEqualTo(new Dual(1, 5));
        assertThat(new Dual(1, 2).min(0.5)).isEqualTo(new Dual(0.5, 0));
    }

    @Test
    void minAtATieHasTheMeanOfBothDerivativesAsPyTorchsMinimum() {
        assertThat(new Dual(1, 2).min(new Dual(1, 4))).isEqualTo(new Dual(1, 3));
        assertThat(new Dual(2, 1).min(2)).isEqualTo(new Dual(2, 0.5));
    }

    @Test
    void sigmoidAtZeroIsAHalfWithSlopeAQuarter() {
        // σ(0) = 1/2, σ' = σ(1 - σ) = 1/4
        assertThat(Dual.variable(0).sigmoid()).isEqualTo(new Dual(0.5, 0.25));
    }

    @Test
    void sigmoidSaturatesWithoutOverflowAtPlusOrMinus1e4() {
        // exp(1e4) overflows a double; σ(1e4) = 1 and σ(-1e4) = 0 with slope 0
        assertThat(Dual.variable(1e4).sigmoid()).isEqualTo(new Dual(1, 0));
        assertThat(Dual.variable(-1e4).sigmoid()).isEqualTo(new Dual(0, 0));
    }

    @Test
    void sigmoidKeepsTheRelativePrecisionOfItsTinyValues() {
        // σ(-50) = e^-50 / (1 + e^-50) = 1.9287498479639178e-22, and its slope about the same
        Dual result = Dual.variable(-50).sigmoid();

        assertThat(result.value()).isCloseTo(1.9287498479639178e-22, within(1e-35));
        assertThat(result.derivative()).isCloseTo(1.9287498479639178e-22, within(1e-35));
    }

    @Test
    void softplusAtZeroIsLogTwoWithSlopeAHalf() {
        // log(1 + e^0) = ln 2; slope σ(0) = 1/2
        Dual result = Dual.variable(0).softplus();

        assertThat(result.value()).isCloseTo(0.6931471805599453, within(1e-15));
        assertThat(result.derivative()).isEqualTo(0.5);
    }

    @Test
    void softplusDoesNotOverflowAtPlusOrMinus1e4() {
        // log(1 + e^x) = x + log1p(e^-x) = 1e4 at 1e4 (slope 1), and log1p(e^-1e4) = 0 at -1e4 (slope 0)
        assertThat(Dual.variable(1e4).softplus()).isEqualTo(new Dual(1e4, 1));
        assertThat(Dual.variable(-1e4).softplus()).isEqualTo(new Dual(0, 0));
    }

    @Test
    void softplusKeepsTheRelativePrecisionOfItsTinyValues() {
        // log(1 + e^-50) = e^-50 - e^-100 / 2 = 1.9287498479639178e-22, where log(1 + exp(x)) gives 0
        assertThat(Dual.variable(-50).softplus().value()).isCloseTo(1.9287498479639178e-22, within(1e-35));
    }

    @Test
    void tanhHasSlopeOneMinusItsSquare() {
        // tanh(0) = 0, slope 1; tanh(1) = 0.7615941559557649, slope 1 - 0.58002566 = 0.41997434
        assertThat(Dual.variable(0).tanh()).isEqualTo(new Dual(0, 1));
        assertThat(Dual.variable(1).tanh().derivative()).isCloseTo(0.41997434161402614, within(1e-15));
    }

    @Test
    void coshHasSlopeSinh() {
        // cosh(0) = 1, slope 0; cosh(1) = 1.5430806348152437, slope sinh(1) = 1.1752011936438014
        assertThat(Dual.variable(0).cosh()).isEqualTo(new Dual(1, 0));
        Dual result = Dual.variable(1).cosh();

        assertThat(result.value()).isCloseTo(1.5430806348152437, within(1e-15));
        assertThat(result.derivative()).isCloseTo(1.1752011936438014, within(1e-15));
    }

    @Test
    void chainRuleThroughLogOfOnePlusASquare() {
        // d/dx log(x² + 1) = 2x / (x² + 1) = 1 at x = 1
        assertThat(Dual.variable(1).square().plus(1).log()).isEqualTo(new Dual(Math.log(2), 1));
    }

    @Test
    void chainRuleThroughExpOfASquare() {
        // d/dx exp(x²) = 2x exp(x²) = 2e at x = 1
        Dual result = Dual.variable(1).square().exp();

        assertThat(result.value()).isCloseTo(Math.E, within(1e-15));
        assertThat(result.derivative()).isCloseTo(2 * Math.E, within(1e-14));
    }

    @Test
    void chainRuleThroughASigmoidOfAScaledVariable() {
        // d/dx σ(2x) = 2 σ'(0) = 2 · 1/4 = 1/2 at x = 0
        assertThat(Dual.variable(0).times(2).sigmoid()).isEqualTo(new Dual(0.5, 0.5));
    }

    @Test
    void chainRuleThroughAComposition() {
        // f(x) = sqrt(x²+1) · tanh(x) / (1 + softplus(-x)) at several points, against central differences
        UnaryOperator<Dual> f = x -> x.square().plus(1).sqrt().times(x.tanh()).div(x.negate().softplus().plus(1));
        for (double x : new double[] {-3, -0.4, 0.2, 1.5, 4}) {
            assertThat(f.apply(Dual.variable(x)).derivative()).as("derivative at %s", x)
                    .isCloseTo(centralDifference(f, x), within(1e-7));
        }
    }

    @Test
    void chainRuleCarriesAnInnerDerivativeThroughEachOperation() {
        // an inner derivative of 3 (x = 3t at t = ...) multiplies each outer derivative: exp at 0 gives 3
        assertThat(new Dual(0, 3).exp().derivative()).isEqualTo(3);
        assertThat(new Dual(0, 3).sigmoid().derivative()).isEqualTo(0.75);
        assertThat(new Dual(0, 3).softplus().derivative()).isEqualTo(1.5);
        assertThat(new Dual(0, 3).tanh().derivative()).isEqualTo(3);
        assertThat(new Dual(1, 3).log().derivative()).isEqualTo(3);
        assertThat(new Dual(-2, 3).abs().derivative()).isEqualTo(-3);
    }
}
