package dev.descent.nn.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The GEMM implementations against each other and against the definition: the vectorised kernel and the scalar
 * loops each against a plain triple loop in {@code double}, and against each other, for all four transpose
 * combinations, overwriting and accumulating, on blocks with offsets and padded leading dimensions, over
 * shapes around the tile sizes (the micro-kernel's 4 rows and 4 vectors of 8 or 16 lanes, the packed blocks'
 * depth of 256 and widths of 64 rows and 1024 columns) and the seed MLP's three products.
 *
 * <p>Tolerance: {@code (k + 2) · 2⁻²⁴ · Σₚ |a_ip b_pj|} per element, the standard bound on the rounding of a
 * float sum of k products in any order, plus the addition into C: it scales with k and with the terms'
 * magnitude, and is far below the size of one term, so a product that is dropped, doubled or misplaced fails.
 *
 * <p>The vectorised kernel runs here without its threshold below which small products go to the scalar
 * loops, so that every shape exercises its packing, tiles and edges.
 *
 * <p>The vectorised tests are skipped with an assumption where the JVM runs without
 * {@code jdk.incubator.vector} (nn-core's {@code scalar-kernels} execution).
 */
class GemmTest {
    /** Around the micro-kernel's 4 rows and 4 vectors (32 columns at 8 lanes, 64 at 16). */
    private static final int[] SIZES = {1, 3, 4, 5, 15, 16, 17, 31, 32, 33, 63, 64, 65};
    private static final int A_OFFSET = 3;
    private static final int B_OFFSET = 5;
    private static final int C_OFFSET = 1;

    static Stream<Arguments> shapes() {
        List<Arguments> shapes = new ArrayList<>();
        // Each of m, n and k over the sizes, the two others small and odd or just past a tile.
        for (int size : SIZES) {
            for (int[] others : new int[][] {{3, 33}, {65, 5}}) {
                shapes.add(Arguments.of(size, others[0], others[1]));
                shapes.add(Arguments.of(others[1], size, others[0]));
                shapes.add(Arguments.of(others[0], others[1], size));
            }
        }
        // Several blocks of k (256 deep), of rows of A (64) and of columns of B (1024).
        shapes.add(Arguments.of(5, 7, 257));
        shapes.add(Arguments.of(9, 40, 600));
        shapes.add(Arguments.of(130, 9, 20));
        shapes.add(Arguments.of(6, 1100, 9));
        // The seed MLP (784-64-64-10, batch 32): forward x·Wᵀ (32 x out x in), input gradient dY·W
        // (32 x in x out), weight gradient dYᵀ·x (out x in x 32); each is run for every transpose combination.
        for (int[] layer : new int[][] {{784, 64}, {64, 64}, {64, 10}}) {
            int in = layer[0];
            int out = layer[1];
            shapes.add(Arguments.of(32, out, in));
            shapes.add(Arguments.of(32, in, out));
            shapes.add(Arguments.of(out, in, 32));
        }
        return shapes.stream();
    }

    private static Gemm vector() throws GemmLoader.UnavailableException {
        assumeTrue(ModuleLayer.boot().findModule(GemmLoader.VECTOR_MODULE).isPresent(),
                "the JVM runs without jdk.incubator.vector");
        // Every shape on the vectorised kernel, none left to the scalar loops for being small.
        return GemmLoader.vector(0);
    }

    @ParameterizedTest(name = "{0}x{1}x{2}")
    @MethodSource("shapes")
    void theScalarLoopsAgreeWithTheDefinition(int m, int n, int k) {
        checkAgainstTheDefinition(new ScalarGemm(), m, n, k);
    }

    @ParameterizedTest(name = "{0}x{1}x{2}")
    @MethodSource("shapes")
    void theVectorisedKernelAgreesWithTheDefinition(int m, int n, int k) throws Exception {
        checkAgainstTheDefinition(vector(), m, n, k);
    }

    @ParameterizedTest(name = "{0}x{1}x{2}")
    @MethodSource("shapes")
    void theVectorisedKernelAgreesWithTheScalarLoops(int m, int n, int k) throws Exception {
        Gemm vector = vector();
        Gemm scalar = new ScalarGemm();
        SplittableRandom random = new SplittableRandom(31L * m + 17L * n + k);
        for (boolean transA : new boolean[] {false, true}) {
            for (boolean transB : new boolean[] {false, true}) {
                Case c = new Case(random, transA, transB, m, n, k);
                float[] viaVector = c.c.clone();
                float[] viaScalar = c.c.clone();
                vector.gemm(transA, transB, m, n, k, c.a, A_OFFSET, c.lda, c.b, B_OFFSET, c.ldb, true, viaVector,
                        C_OFFSET, c.ldc);
                scalar.gemm(transA, transB, m, n, k, c.a, A_OFFSET, c.lda, c.b, B_OFFSET, c.ldb, true, viaScalar,
                        C_OFFSET, c.ldc);
                double[] bound = c.bound();
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        int at = C_OFFSET + i * c.ldc + j;
                        // each is within the bound of the exact value, so of each other within twice that
                        assertThat(Math.abs((double) viaVector[at] - viaScalar[at]))
                                .as("%dx%dx%d transA=%s transB=%s at [%d, %d]: vector %s, scalar %s", m, n, k,
                                        transA, transB, i, j, viaVector[at], viaScalar[at])
                                .isLessThanOrEqualTo(2 * bound[i * n + j]);
                    }
                }
            }
        }
    }

    @Test
    void theVectorisedKernelOverwritesANaNInCWhenNotAccumulating() throws Exception {
        Gemm vector = vector();
        float[] a = {1, 2};
        float[] b = {3, 4};
        float[] c = new float[33 * 5];
        Arrays.fill(c, Float.NaN);

        // c (5x33, a full tile and an edge) = a (5x1, ones) · b (1x33, twos): C is written without being read.
        float[] ones = new float[5];
        Arrays.fill(ones, 1);
        float[] twos = new float[33];
        Arrays.fill(twos, 2);
        vector.gemm(false, false, 5, 33, 1, ones, 0, 1, twos, 0, 33, false, c, 0, 33);

        assertThat(c).containsOnly(2f);
        assertThat(a).containsExactly(1, 2);
        assertThat(b).containsExactly(3, 4);
    }

    @Test
    void theVectorisedKernelWithNoDepthZeroesOrKeepsC() throws Exception {
        Gemm vector = vector();
        float[] c = {7, 7, 7, 7};

        vector.gemm(false, false, 1, 2, 0, new float[0], 0, 1, new float[2], 0, 2, true, c, 0, 2);
        assertThat(c).containsExactly(7, 7, 7, 7);
        vector.gemm(false, false, 1, 2, 0, new float[0], 0, 1, new float[2], 0, 2, false, c, 0, 2);
        assertThat(c).containsExactly(0, 0, 7, 7);
    }

    /** Runs every transpose combination, overwriting and accumulating, and checks every element of C. */
    private static void checkAgainstTheDefinition(Gemm gemm, int m, int n, int k) {
        SplittableRandom random = new SplittableRandom(13L * m + 7L * n + k);
        for (boolean transA : new boolean[] {false, true}) {
            for (boolean transB : new boolean[] {false, true}) {
                for (boolean accumulate : new boolean[] {false, true}) {
                    Case c = new Case(random, transA, transB, m, n, k);
                    float[] result = c.c.clone();
                    // A NaN in C must not survive an overwrite.
                    if (!accumulate && m > 0 && n > 0) {
                        result[C_OFFSET] = Float.NaN;
                    }

                    gemm.gemm(transA, transB, m, n, k, c.a, A_OFFSET, c.lda, c.b, B_OFFSET, c.ldb, accumulate,
                            result, C_OFFSET, c.ldc);

                    double[] exact = c.exact();
                    double[] bound = c.bound();
                    String shape = String.format("%s %dx%dx%d transA=%s transB=%s accumulate=%s", gemm, m, n, k,
                            transA, transB, accumulate);
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < n; j++) {
                            int at = C_OFFSET + i * c.ldc + j;
                            double expected = exact[i * n + j] + (accumulate ? c.c[at] : 0);
                            assertThat(Math.abs(result[at] - expected))
                                    .as("%s at [%d, %d]: %s, expected %s", shape, i, j, result[at], expected)
                                    .isLessThanOrEqualTo(bound[i * n + j]);
                        }
                    }
                    // Nothing outside the block of C is touched: before it, between its rows, after it.
                    for (int at = 0; at < result.length; at++) {
                        int row = (at - C_OFFSET) / c.ldc;
                        int column = (at - C_OFFSET) % c.ldc;
                        boolean inside = at >= C_OFFSET && row < m && column < n;
                        if (!inside) {
                            assertThat(result[at]).as("%s: c[%d] outside the block", shape, at)
                                    .isEqualTo(c.c[at]);
                        }
                    }
                }
            }
        }
    }

    /** Random operands laid out as the flags say, in arrays with offsets and padded leading dimensions. */
    private static final class Case {
        final boolean transA;
        final boolean transB;
        final int m;
        final int n;
        final int k;
        final int lda;
        final int ldb;
        final int ldc;
        final float[] a;
        final float[] b;
        final float[] c;

        Case(SplittableRandom random, boolean transA, boolean transB, int m, int n, int k) {
            this.transA = transA;
            this.transB = transB;
            this.m = m;
            this.n = n;
            this.k = k;
            lda = (transA ? m : k) + 2;
            ldb = (transB ? k : n) + 1;
            ldc = n + 3;
            a = randoms(random, A_OFFSET + (transA ? k : m) * lda + 4);
            b = randoms(random, B_OFFSET + (transB ? n : k) * ldb + 4);
            c = randoms(random, C_OFFSET + m * ldc + 2);
        }

        float a(int i, int p) {
            return transA ? a[A_OFFSET + p * lda + i] : a[A_OFFSET + i * lda + p];
        }

        float b(int p, int j) {
            return transB ? b[B_OFFSET + j * ldb + p] : b[B_OFFSET + p * ldb + j];
        }

        /** op(A)·op(B) by the definition, one double sum per element (exact for these products of floats). */
        double[] exact() {
            double[] product = new double[m * n];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double sum = 0;
                    for (int p = 0; p < k; p++) {
                        sum += (double) a(i, p) * b(p, j);
                    }
                    product[i * n + j] = sum;
                }
            }
            return product;
        }

        /** {@code (k + 2) · 2⁻²⁴ · (Σ |a b| + |c|)}: the rounding of k float products, their sum and C's addition. */
        double[] bound() {
            double[] bound = new double[m * n];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double sum = Math.abs(c[C_OFFSET + i * ldc + j]);
                    for (int p = 0; p < k; p++) {
                        sum += Math.abs((double) a(i, p) * b(p, j));
                    }
                    bound[i * n + j] = (k + 2) * 0x1p-24 * sum;
                }
            }
            return bound;
        }
    }

    private static float[] randoms(SplittableRandom random, int length) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = (float) random.nextDouble(-1, 1);
        }
        return values;
    }
}
