package dev.descent.nn.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.InvalidParameterException;
import dev.descent.api.ParamSpec;
import dev.descent.api.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The initialisers against torch.nn.init's definitions, checked statistically: over 200,000 draws the
 * sample mean of a distribution of standard deviation σ lies within 5σ/√n ≈ 0.011σ of its mean, and the
 * sample standard deviation within 1% of σ (its own relative error is about 1/√(2n) ≈ 0.16%), so a wrong
 * gain or fan (off by 10% or more) fails while a correct one passes for any seed.
 */
class InitializersTest {
    /** [out, in] = [400, 500]: fan_in 500, fan_out 400, 200,000 values. */
    private static final int[] DENSE = {400, 500};
    /** [out, in, kh, kw] = [200, 50, 5, 4]: fan_in 50·20 = 1000, fan_out 200·20 = 4000, 200,000 values. */
    private static final int[] CONV = {200, 50, 5, 4};

    private record Stats(double mean, double std, double min, double max) {}

    private static Stats draw(String spec, int[] shape, long seed) {
        Tensor weight = Tensor.zeros(shape);
        Initializers.create(spec).initialize(weight, new SplittableRandom(seed));
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float value : weight.data()) {
            sum += value;
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        double mean = sum / weight.size();
        double squares = 0;
        for (float value : weight.data()) {
            squares += (value - mean) * (value - mean);
        }
        return new Stats(mean, Math.sqrt(squares / (weight.size() - 1)), min, max);
    }

    /** A uniform distribution on [-bound, bound]: every draw inside, the extremes near it, std bound/√3. */
    private static void assertUniform(Stats stats, double low, double high) {
        double std = (high - low) / Math.sqrt(12);
        assertThat(stats.min()).isGreaterThanOrEqualTo((float) low).isLessThan(low + 0.001 * (high - low));
        assertThat(stats.max()).isLessThanOrEqualTo((float) high).isGreaterThan(high - 0.001 * (high - low));
        assertThat(stats.mean()).isCloseTo((low + high) / 2, within(0.011 * std));
        assertThat(stats.std()).isCloseTo(std, within(0.01 * std));
    }

    private static void assertNormal(Stats stats, double mean, double std) {
        assertThat(stats.mean()).isCloseTo(mean, within(0.011 * std));
        assertThat(stats.std()).isCloseTo(std, within(0.01 * std));
        // 200,000 normal draws reach beyond 4σ but not 6σ (probabilities 1 - 0.2% and 4e-4).
        assertThat(Math.max(stats.max() - mean, mean - stats.min())).isBetween(4 * std, 6 * std);
    }

    @Test
    void fansOfADenseWeightAreItsColumnsAndRows() {
        assertThat(Initializers.fans(new int[] {3, 7})).containsExactly(7, 3);
    }

    @Test
    void fansOfAConvolutionWeightMultiplyByTheReceptiveField() {
        assertThat(Initializers.fans(CONV)).containsExactly(1000, 4000);
        assertThat(Initializers.fans(new int[] {6, 2, 5})).containsExactly(10, 30);
    }

    @Test
    void fansOfAVectorCannotBeComputed() {
        assertThatIllegalArgumentException().isThrownBy(() -> Initializers.fans(new int[] {5}))
                .withMessage("fan in and fan out need a weight of rank 2 or more, got shape [5]");
        assertThatIllegalArgumentException().isThrownBy(() -> Initializers.create("xavier_uniform")
                .initialize(Tensor.zeros(5), new SplittableRandom(1)))
                .withMessageContaining("rank 2 or more");
    }

    @Test
    void torchDefaultIsUniformWithinOneOverRootFanIn() {
        assertUniform(draw(Initializers.TORCH_DEFAULT, DENSE, 1), -1 / Math.sqrt(500), 1 / Math.sqrt(500));
        assertUniform(draw(Initializers.TORCH_DEFAULT, CONV, 2), -1 / Math.sqrt(1000), 1 / Math.sqrt(1000));
    }

    /** kaiming_uniform's bound is gain·√(3 / fan); the gains are torch.nn.init.calculate_gain's. */
    @ParameterizedTest
    @CsvSource({
        "kaiming_uniform, 1.4142135623730951, 500", // leaky_relu with a = 0: √2
        "'kaiming_uniform(nonlinearity=relu, a=3)', 1.4142135623730951, 500", // a ignored for relu
        "'kaiming_uniform(a=0.5)', 1.2649110640673518, 500", // √(2 / (1 + 0.25))
        "'kaiming_uniform(mode=fan_out)', 1.4142135623730951, 400",
        "'kaiming_uniform(nonlinearity=tanh)', 1.6666666666666667, 500",
        "'kaiming_uniform(nonlinearity=selu)', 0.75, 500",
        "'kaiming_uniform(nonlinearity=sigmoid)', 1.0, 500",
        "'kaiming_uniform(nonlinearity=conv2d)', 1.0, 500",
        "'kaiming_uniform(nonlinearity=linear, mode=fan_out)', 1.0, 400",
    })
    void kaimingUniformBoundIsGainTimesRootThreeOverFan(String spec, double gain, int fan) {
        double bound = gain * Math.sqrt(3.0 / fan);
        assertUniform(draw(spec, DENSE, 3), -bound, bound);
    }

    @ParameterizedTest
    @CsvSource({
        "kaiming_normal, 1.4142135623730951, 1000",
        "'kaiming_normal(nonlinearity=relu)', 1.4142135623730951, 1000",
        "'kaiming_normal(mode=fan_out, nonlinearity=tanh)', 1.6666666666666667, 4000",
        "'kaiming_normal(a=1)', 1.0, 1000",
    })
    void kaimingNormalStdIsGainOverRootFan(String spec, double gain, int fan) {
        assertNormal(draw(spec, CONV, 4), 0, gain / Math.sqrt(fan));
    }

    @Test
    void xavierUniformBoundIsGainTimesRootSixOverBothFans() {
        double bound = Math.sqrt(6.0 / (500 + 400));
        assertUniform(draw("xavier_uniform", DENSE, 5), -bound, bound);
        double conv = 2 * Math.sqrt(6.0 / (1000 + 4000));
        assertUniform(draw("xavier_uniform(gain=2)", CONV, 6), -conv, conv);
    }

    @Test
    void xavierNormalStdIsGainTimesRootTwoOverBothFans() {
        assertNormal(draw("xavier_normal", DENSE, 7), 0, Math.sqrt(2.0 / 900));
        assertNormal(draw("xavier_normal(gain=0.5)", CONV, 8), 0, 0.5 * Math.sqrt(2.0 / 5000));
    }

    @Test
    void normalDefaultsToZeroAndOneAndTakesMeanAndStd() {
        assertNormal(draw("normal", DENSE, 9), 0, 1);
        assertNormal(draw("normal(mean=3, std=0.02)", DENSE, 10), 3, 0.02);
    }

    @Test
    void uniformDefaultsToZeroOneAndTakesItsBounds() {
        assertUniform(draw("uniform", DENSE, 11), 0, 1);
        assertUniform(draw("uniform(a=-2, b=3)", DENSE, 12), -2, 3);
    }

    @Test
    void uniformOfEqualBoundsFillsWithThatValueAsTorch() {
        Tensor weight = Tensor.zeros(2, 2);
        Initializers.create("uniform(a=0.5, b=0.5)").initialize(weight, new SplittableRandom(1));

        assertThat(weight.data()).containsOnly(0.5f);
    }

    @Test
    void zerosAndOnesAreConstant() {
        Tensor weight = Tensor.of(new float[] {7, 7, 7, 7}, 2, 2);
        Initializers.create("zeros").initialize(weight, new SplittableRandom(1));
        assertThat(weight.data()).containsOnly(0f);
        Initializers.create("ones").initialize(weight, new SplittableRandom(1));
        assertThat(weight.data()).containsOnly(1f);
    }

    @Test
    void theSameSeedDrawsTheSameWeightsAndAnotherSeedOthers() {
        for (String name : Initializers.names()) {
            Tensor a = Tensor.zeros(4, 6);
            Tensor b = Tensor.zeros(4, 6);
            Tensor c = Tensor.zeros(4, 6);
            Initializers.create(name).initialize(a, new SplittableRandom(42));
            Initializers.create(name).initialize(b, new SplittableRandom(42));
            Initializers.create(name).initialize(c, new SplittableRandom(43));

            assertThat(a.data()).as(name).containsExactly(b.data());
            if (!name.equals("zeros") && !name.equals("ones")) {
                assertThat(a.data()).as(name).isNotEqualTo(c.data());
            }
        }
    }

    @Test
    void aViewIsFilledAndNothingAroundIt() {
        float[] array = new float[12];
        Tensor rows = Tensor.view(array, 4, 2, 2);
        Initializers.create("ones").initialize(rows, new SplittableRandom(1));
        Initializers.create("normal").initialize(Tensor.view(array, 8, 1, 2), new SplittableRandom(1));

        assertThat(array).startsWith(0f, 0f, 0f, 0f, 1f, 1f, 1f, 1f);
        assertThat(array[8]).isNotZero();
        assertThat(array[10]).isZero();
        assertThat(array[11]).isZero();
    }

    @Test
    void anUnknownNameIsRefusedWithTheNearestAndTheKnownOnes() {
        assertThatIllegalArgumentException().isThrownBy(() -> Initializers.create("xavier_unifrom"))
                .withMessageStartingWith("unknown initializer 'xavier_unifrom'; did you mean 'xavier_uniform'")
                .withMessageEndingWith("; known: " + String.join(", ", Initializers.names()));
        assertThat(Initializers.names()).containsExactly("kaiming_normal", "kaiming_uniform", "normal", "ones",
                "uniform", "xavier_normal", "xavier_uniform", "zeros");
    }

    @Test
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> Initializers.create("normal(std=-1)"))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("std");
        assertThatThrownBy(() -> Initializers.create("normal(sd=1)"))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("unknown parameter 'sd'");
        assertThatThrownBy(() -> Initializers.create("kaiming_uniform(mode=fan_avg)"))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("mode");
        assertThatThrownBy(() -> Initializers.create("kaiming_normal(nonlinearity=gelu)"))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("nonlinearity");
        assertThatThrownBy(() -> Initializers.create("xavier_uniform(gain=-1)"))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("gain");
        assertThatIllegalArgumentException().isThrownBy(() -> Initializers.create("uniform(a=2, b=1)"))
                .withMessage("initializer 'uniform': a and b must be finite with a <= b, got a=2.0, b=1.0");
        assertThatIllegalArgumentException().isThrownBy(() -> Initializers.create("normal(mean=inf)"))
                .withMessageContaining("must be finite");
    }

    @Test
    void theInitParameterIsANestedSpecWithTheLayersDefault() {
        ParamSpec param = Initializers.param("normal");

        assertThat(param.name()).isEqualTo("init");
        assertThat(param.doc()).contains("kaiming_uniform", "xavier_normal", "zeros");
    }
}
