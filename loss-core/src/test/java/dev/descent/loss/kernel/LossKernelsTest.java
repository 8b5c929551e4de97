package dev.descent.loss.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Vector API kernels against the scalar ones, which define each loss (and are checked against PyTorch by
 * {@code LossFixtureTest}): over sizes around every plausible vector width, so that the loop tails run, and
 * inputs holding each loss's boundary values. Gradients must be the scalar bits where only arithmetic is
 * involved, and within a few float roundings where {@code EXP}, {@code LOG}... may round differently; sums
 * within a tolerance that grows with the size (they are added in another order). Skipped when the JVM has no
 * {@code jdk.incubator.vector}.
 */
class LossKernelsTest {
    /** 0, then around 4, 8, 16 and 32 lanes, then long enough for several unrolled steps and a tail. */
    private static final int[] SIZES = {0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 1000, 4099};
    private static final LossKernels SCALAR = new ScalarLossKernels();
    /** A float's relative rounding, 2^-24: a gradient may differ by about one where a function rounds. */
    private static final double FLOAT_ROUNDING = 0x1p-24;

    @FunctionalInterface
    interface Call {
        double sum(LossKernels kernels, float[] p, float[] t, float[] g, double scale);
    }

    /** Each kernel as the losses call it, with the inputs of its domain. */
    enum Kernel {
        MSE(Domain.ERRORS, true, (k, p, t, g, s) -> k.mse(p, t, g, s)),
        L1(Domain.ERRORS, true, (k, p, t, g, s) -> k.l1(p, t, g, s)),
        HUBER(Domain.ERRORS, true, (k, p, t, g, s) -> k.huber(p, t, g, s, 1)),
        HUBER_HALF(Domain.ERRORS, true, (k, p, t, g, s) -> k.huber(p, t, g, s, 0.5)),
        SMOOTH_L1(Domain.ERRORS, true, (k, p, t, g, s) -> k.smoothL1(p, t, g, s, 1)),
        SMOOTH_L1_BETA_0(Domain.ERRORS, true, (k, p, t, g, s) -> k.smoothL1(p, t, g, s, 0)),
        SMOOTH_L1_BETA_0_3(Domain.ERRORS, true, (k, p, t, g, s) -> k.smoothL1(p, t, g, s, 0.3)),
        LOG_COSH(Domain.ERRORS, false, (k, p, t, g, s) -> k.logCosh(p, t, g, s)),
        BCE(Domain.PROBABILITIES, false, (k, p, t, g, s) -> k.bce(p, t, g, s)),
        BCE_WITH_LOGITS(Domain.LOGITS, false, (k, p, t, g, s) -> k.bceWithLogits(p, t, g, s));

        final Domain domain;
        /** Whether the kernel is arithmetic only, so that its gradients must be the scalar bits. */
        final boolean exact;
        final Call call;

        Kernel(Domain domain, boolean exact, Call call) {
            this.domain = domain;
            this.exact = exact;
            this.call = call;
        }
    }

    /**
     * Random inputs with boundary (prediction, target) pairs at every third element: the kinks of l1, huber
     * and smooth_l1 (errors 0, ±0.5, ±1, ±0.3 exactly where representable), ±1e4, signed zeros, and for bce the
     * clamped probabilities 0 and 1. {@code special} pairs hold NaN and infinities.
     */
    enum Domain {
        ERRORS(new float[][] {{0.25f, 0.25f}, {1.25f, 0.25f}, {-0.75f, 0.25f}, {0.75f, 0.25f}, {-0.25f, 0.25f},
                {0.55f, 0.25f}, {-0.05f, 0.25f}, {1e4f, -1e4f}, {-1e4f, 1e4f}, {-0.0f, 0.0f}, {0.0f, -0.0f}},
                new float[][] {{Float.NaN, 0}, {0, Float.NaN}, {Float.POSITIVE_INFINITY, 0},
                        {Float.NEGATIVE_INFINITY, 1}, {1, Float.POSITIVE_INFINITY}}),
        PROBABILITIES(new float[][] {{0, 0}, {0, 1}, {1, 1}, {1, 0}, {1e-30f, 1}, {1 - 0x1p-24f, 0}, {0.5f, 0.5f},
                {1e-6f, 0}},
                new float[][] {{Float.NaN, 1}, {Float.NaN, 0}}),
        LOGITS(new float[][] {{1e4f, 0}, {-1e4f, 1}, {1e4f, 1}, {-1e4f, 0}, {0, 1}, {-0.0f, 0}, {40, 0}, {-40, 1},
                {1e-8f, 0.5f}},
                new float[][] {{Float.NaN, 1}, {Float.POSITIVE_INFINITY, 0}, {Float.NEGATIVE_INFINITY, 1}});

        final float[][] boundaries;
        final float[][] special;

        Domain(float[][] boundaries, float[][] special) {
            this.boundaries = boundaries;
            this.special = special;
        }

        /** Predictions (row 0) and targets (row 1) of {@code n} elements. */
        float[][] inputs(int n, long seed, boolean withSpecial) {
            Random random = new Random(seed);
            float[] p = new float[n];
            float[] t = new float[n];
            for (int i = 0; i < n; i++) {
                p[i] = random(random);
                t[i] = this == ERRORS ? random(random) : random.nextFloat();
            }
            float[][] pairs = withSpecial ? special : boundaries;
            for (int i = 0, pair = 0; i < n; i += 3, pair++) {
                p[i] = pairs[pair % pairs.length][0];
                t[i] = pairs[pair % pairs.length][1];
            }
            return new float[][] {p, t};
        }

        private float random(Random random) {
            return switch (this) {
                case ERRORS -> (float) (2 * random.nextGaussian());
                case PROBABILITIES -> random.nextFloat();
                case LOGITS -> (float) (6 * random.nextGaussian());
            };
        }
    }

    static Stream<Arguments> kernelsAndSizes() {
        return Arrays.stream(Kernel.values()).flatMap(kernel -> IntStream.of(SIZES).mapToObj(n -> Arguments.of(kernel, n)));
    }

    @ParameterizedTest(name = "{0}, {1} elements")
    @MethodSource("kernelsAndSizes")
    void vectorMatchesScalarOnFiniteInputs(Kernel kernel, int n) {
        compare(kernel, kernel.domain.inputs(n, 31L * n + kernel.ordinal(), false), 1.0 / Math.max(n, 1));
    }

    @ParameterizedTest(name = "{0}, {1} elements")
    @MethodSource("kernelsAndSizes")
    void vectorMatchesScalarOnNaNAndInfinities(Kernel kernel, int n) {
        compare(kernel, kernel.domain.inputs(n, 17L * n + kernel.ordinal(), true), 1);
    }

    @ParameterizedTest
    @EnumSource(Kernel.class)
    void vectorSumIsTheSameWithAndWithoutGradient(Kernel kernel) {
        LossKernels vector = vectorOrSkip();
        float[][] inputs = kernel.domain.inputs(4099, 5, false);
        double withGradient = kernel.call.sum(vector, inputs[0], inputs[1], new float[4099], 1.0 / 4099);
        assertThat(kernel.call.sum(vector, inputs[0], inputs[1], null, 1.0 / 4099)).isEqualTo(withGradient);
    }

    static IntStream sizes() {
        return IntStream.of(SIZES);
    }

    @ParameterizedTest(name = "{0} elements")
    @MethodSource("sizes")
    void probabilitiesAcceptWhatTheScalarCheckAcceptsNaNPredictionsIncluded(int n) {
        LossKernels vector = vectorOrSkip();
        float[][] inputs = Domain.PROBABILITIES.inputs(n, n, false);
        if (n > 0) {
            inputs[0][n - 1] = Float.NaN;
        }
        assertThat(SCALAR.probabilities(inputs[0], inputs[1])).isTrue();
        assertThat(vector.probabilities(inputs[0], inputs[1])).isTrue();
    }

    @ParameterizedTest(name = "{0} elements")
    @MethodSource("sizes")
    void probabilitiesRefuseWhatTheScalarCheckRefusesWherever(int n) {
        LossKernels vector = vectorOrSkip();
        float[][] outside = {{-0x1p-149f, 0.5f}, {1.0000001f, 0.5f}, {0.5f, Float.NaN}, {0.5f, -0.01f}, {0.5f, 2}};
        for (int position : new int[] {0, n / 2, n - 1}) {
            for (float[] pair : outside) {
                if (n == 0) {
                    continue;
                }
                float[][] inputs = Domain.PROBABILITIES.inputs(n, n, false);
                inputs[0][position] = pair[0];
                inputs[1][position] = pair[1];
                assertThat(SCALAR.probabilities(inputs[0], inputs[1])).isFalse();
                assertThat(vector.probabilities(inputs[0], inputs[1]))
                        .as("p = %s, t = %s at %s of %s", pair[0], pair[1], position, n).isFalse();
            }
        }
    }

    /** cross_entropy's row kernels on a row of logits starting at 3 (so not at a vector boundary), then strided. */
    @ParameterizedTest(name = "{0} classes")
    @MethodSource("sizes")
    void crossEntropyRowKernelsMatchScalar(int classes) {
        LossKernels vector = vectorOrSkip();
        for (boolean special : new boolean[] {false, true}) {
            for (int stride : new int[] {1, 3}) {
                float[] x = Domain.LOGITS.inputs(3 + classes * stride, classes, special)[0];
                String row = (special ? "NaN and infinities, " : "") + "stride " + stride;
                double max = SCALAR.max(x, 3, classes, stride);
                assertSame("max, " + row, vector.max(x, 3, classes, stride), max, 0);

                float[] expected = new float[x.length];
                float[] actual = new float[x.length];
                double expSum = SCALAR.expSum(x, 3, classes, stride, max, expected);
                assertSame("sum of exp, " + row, vector.expSum(x, 3, classes, stride, max, actual), expSum,
                        expSum * (classes * 0x1p-53 + 1e-14));
                for (int i = 0; i < x.length; i++) {
                    assertSame("exp at " + i + ", " + row, actual[i], expected[i],
                            2 * FLOAT_ROUNDING * Math.abs(expected[i]));
                }

                float[] scaled = expected.clone();
                SCALAR.scale(expected, 3, classes, stride, 1 / expSum, 0.1);
                vector.scale(scaled, 3, classes, stride, 1 / expSum, 0.1);
                assertThat(scaled).as("softmax, " + row).isEqualTo(expected);
            }
        }
    }

    private static void compare(Kernel kernel, float[][] inputs, double scale) {
        LossKernels vector = vectorOrSkip();
        float[] p = inputs[0];
        float[] t = inputs[1];
        float[] expectedGradient = new float[p.length];
        float[] gradient = new float[p.length];
        Arrays.fill(gradient, 12345f); // every element must be overwritten
        double expected = kernel.call.sum(SCALAR, p, t, expectedGradient, scale);
        double actual = kernel.call.sum(vector, p, t, gradient, scale);

        // Non-negative values summed in another order: each partial sum rounds at most n times, 2^-53 each;
        // the vectorised functions add their own rounding to each value.
        double tolerance = Math.abs(expected) * (p.length * 0x1p-53 + (kernel.exact ? 0 : 1e-14));
        assertSame("sum", actual, expected, tolerance);
        if (kernel.exact) {
            assertThat(gradient).as("gradient, bit for bit").isEqualTo(expectedGradient);
        } else {
            for (int i = 0; i < p.length; i++) {
                assertSame("gradient at " + i + " of p = " + p[i] + ", t = " + t[i], gradient[i], expectedGradient[i],
                        2 * FLOAT_ROUNDING * Math.abs(expectedGradient[i]));
            }
        }
    }

    /** Equal within {@code tolerance}; NaN only where NaN is expected, infinities only where the same is. */
    private static void assertSame(String what, double actual, double expected, double tolerance) {
        if (Double.isNaN(expected)) {
            assertThat(actual).as(what).isNaN();
        } else if (Double.isInfinite(expected)) {
            assertThat(actual).as(what).isEqualTo(expected);
        } else if (!(Math.abs(actual - expected) <= tolerance)) {
            fail("%s: %s, expected %s within %s", what, actual, expected, tolerance);
        }
    }

    /** The vector kernels, or the test skipped when this JVM cannot run them. */
    private static LossKernels vectorOrSkip() {
        try {
            return LossKernelsLoader.vector();
        } catch (LossKernelsLoader.UnavailableException e) {
            Assumptions.abort(e.getMessage());
            throw new AssertionError("unreachable");
        }
    }
}
