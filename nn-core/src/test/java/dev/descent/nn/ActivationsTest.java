package dev.descent.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.descent.api.ElementwiseLayer;
import dev.descent.api.Layer;
import dev.descent.api.Pass;
import dev.descent.api.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The element-wise layers on what the fixtures do not reach: far tails, the error function, specs, errors. */
class ActivationsTest {

    private static float forward(Layer layer, float x) {
        return layer.forward(Tensor.vector(x), Pass.INFERENCE).data()[0];
    }

    private static float slope(Layer layer, float x) {
        layer.forward(Tensor.vector(x), Pass.training(new SplittableRandom(0)));
        return layer.backward(Tensor.vector(1f), true).data()[0];
    }

    /** Reference values of erfc (Abramowitz and Stegun, table 7.1, and erfc(5) = 1.5374597944280349e-12). */
    @ParameterizedTest(name = "erfc({0}) = {1}")
    @CsvSource({
            "0, 1",
            "0.5, 0.4795001221869535",
            "1, 0.15729920705028513",
            "2, 0.004677734981047266",
            "3, 2.209049699858544e-05",
            "5, 1.5374597944280349e-12",
            "10, 2.088487583762545e-45",
            "-1, 1.8427007929497148",
            "-4, 1.9999999845827421"})
    void erfcAgreesWithTablesInRelativeTerms(double z, double expected) {
        assertThat(Gelu.erfc(z)).isCloseTo(expected, withinPercentage(1e-9));
    }

    @Test
    void erfcAtTheEnds() {
        assertThat(Gelu.erfc(30)).isZero();
        assertThat(Gelu.erfc(Double.POSITIVE_INFINITY)).isZero();
        assertThat(Gelu.erfc(Double.NEGATIVE_INFINITY)).isEqualTo(2.0);
        assertThat(Gelu.erfc(Double.NaN)).isNaN();
    }

    @Test
    void exactGeluKeepsItsTinyNegativeTail() {
        // gelu(-10) = -10 Phi(-10) = -10 * 7.619853024160527e-24: 1 + erf(x / sqrt 2) would cancel to 0.
        assertThat((double) forward(new Gelu("none"), -10f)).isCloseTo(-7.619853024160527e-23, withinPercentage(1e-4));
        assertThat(forward(new Gelu("none"), 10f)).isEqualTo(10f);
    }

    @Test
    void geluAtZeroIsZeroWithSlopeOneHalf() {
        for (String approximate : new String[] {"none", "tanh"}) {
            assertThat(forward(new Gelu(approximate), 0f)).isZero();
            assertThat(slope(new Gelu(approximate), 0f)).isEqualTo(0.5f);
        }
    }

    @Test
    void geluAtOneAgreesWithPhi() {
        // Phi(1) = 0.8413447460685429; d/dx at 1: Phi(1) + phi(1) = 0.8413447 + 0.2419707 = 1.0833155
        assertThat((double) forward(new Gelu("none"), 1f)).isCloseTo(0.8413447460685429, within(1e-7));
        assertThat((double) slope(new Gelu("none"), 1f)).isCloseTo(0.8413447460685429 + 0.24197072451914337,
                within(1e-7));
    }

    @Test
    void sigmoidAndTanhSaturateWithoutNaN() {
        assertThat(forward(new Sigmoid(), -1000f)).isZero();
        assertThat(forward(new Sigmoid(), 1000f)).isEqualTo(1f);
        assertThat(slope(new Sigmoid(), 1000f)).isZero();
        assertThat(forward(new Tanh(), -1000f)).isEqualTo(-1f);
        assertThat(slope(new Tanh(), 1000f)).isZero();
        assertThat(slope(new Silu(), -1000f)).isZero();
    }

    @Test
    void softplusStaysFiniteBelowAHugeThreshold() {
        // PyTorch's float exp(100) overflows; log(1 + e^100) is 100 to double precision.
        Softplus softplus = new Softplus(1, 1000);

        assertThat(forward(softplus, 100f)).isEqualTo(100f);
        assertThat(slope(softplus, 100f)).isEqualTo(1f);
        assertThat((double) forward(softplus, -30f)).isCloseTo(Math.exp(-30), withinPercentage(1e-5));
    }

    @Test
    void softplusIsTheIdentityAboveTheThreshold() {
        Softplus softplus = new Softplus(2, 5);

        // beta x = 6 > 5: y = x, slope 1; below, log(1 + e^4) / 2 = 2.0090749
        assertThat(forward(softplus, 3f)).isEqualTo(3f);
        assertThat(slope(softplus, 3f)).isEqualTo(1f);
        assertThat((double) forward(softplus, 2f)).isCloseTo(Math.log1p(Math.exp(4)) / 2, within(1e-6));
    }

    @Test
    void eluAndLeakyReluAtZero() {
        // elu: x <= 0 takes alpha e^x, so slope alpha at 0; leaky_relu: x > 0 is false, so negative_slope.
        assertThat(slope(new Elu(0.5), 0f)).isEqualTo(0.5f);
        assertThat(slope(new LeakyRelu(0.1), 0f)).isEqualTo(0.1f);
        assertThat((double) forward(new Elu(2), -1f)).isCloseTo(2 * Math.expm1(-1), within(1e-7));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"relu", "leaky_relu", "elu", "gelu", "gelu(approximate=tanh)", "sigmoid", "tanh",
            "softplus", "silu"})
    void nanStaysNaN(String spec) {
        Layer layer = LayerFixtureTest.create(spec);

        assertThat(forward(layer, Float.NaN)).isNaN();
        assertThat(layer).isInstanceOf(ElementwiseLayer.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"relu", "leaky_relu(negative_slope=0.2)", "elu(alpha=0.5)", "gelu(approximate=none)",
            "gelu(approximate=tanh)", "sigmoid", "tanh", "softplus(beta=2, threshold=10)", "silu"})
    void theSpecParsesBack(String spec) {
        assertThat(LayerFixtureTest.create(spec)).hasToString(spec);
    }

    @Test
    void defaultsAreWrittenInTheSpec() {
        assertThat(LayerFixtureTest.create("leaky_relu")).hasToString("leaky_relu(negative_slope=0.01)");
        assertThat(LayerFixtureTest.create("softplus")).hasToString("softplus(beta=1, threshold=20)");
        assertThat(LayerFixtureTest.create("gelu")).hasToString("gelu(approximate=none)");
    }

    @Test
    void parametersThatMakeNoFunctionAreRefused() {
        assertThatThrownBy(() -> new Softplus(0, 20)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("softplus: beta must be a finite number > 0, got '0'");
        assertThatThrownBy(() -> new Elu(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("elu: alpha must be a finite number, got 'inf'");
        assertThatThrownBy(() -> new Gelu("erf")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gelu: approximate must be 'none' or 'tanh', got 'erf'");
        assertThatThrownBy(() -> LayerFixtureTest.create("gelu(approximate=erf)"))
                .hasMessageContaining("must be one of none, tanh");
    }
}
