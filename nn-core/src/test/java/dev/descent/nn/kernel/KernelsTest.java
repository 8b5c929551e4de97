package dev.descent.nn.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KernelsTest {

    @Test
    void multiplyTransposedComputesDotProductsOfRows() {
        float[] a = {1, 2, 3, 4};            // 2x2
        float[] b = {5, 6, 7, 8, 9, 10};     // 3x2
        float[] c = {-1, -1, -1, -1, -1, -1}; // overwritten

        Kernels.multiplyTransposed(a, b, c, 2, 2, 3);

        // c[i][j] = a row i . b row j: [1*5+2*6, 1*7+2*8, 1*9+2*10; 3*5+4*6, 3*7+4*8, 3*9+4*10]
        assertThat(c).containsExactly(17, 23, 29, 39, 53, 67);
    }

    @Test
    void multiplyAddAddsTheProductToC() {
        float[] a = {1, 2, 3, 4, 5, 6}; // 2x3
        float[] b = {1, 0, 0, 1, 1, 1}; // 3x2
        float[] c = {10, 10, 10, 10};

        Kernels.multiplyAdd(a, b, c, 2, 3, 2);

        // a.b = [1+3, 2+3; 4+6, 5+6] = [4, 5; 10, 11], plus 10 each.
        assertThat(c).containsExactly(14, 15, 20, 21);
    }

    @Test
    void transposedMultiplyAddAddsTheProductOfTheTransposeToC() {
        float[] a = {1, 2, 3, 4};       // k=2 x m=2
        float[] b = {1, 0, 1, 0, 1, 2}; // k=2 x n=3
        float[] c = {1, 1, 1, 1, 1, 1};

        Kernels.transposedMultiplyAdd(a, b, c, 2, 2, 3);

        // a^T = [1, 3; 2, 4]: row 0 = 1*[1, 0, 1] + 3*[0, 1, 2] = [1, 3, 7],
        // row 1 = 2*[1, 0, 1] + 4*[0, 1, 2] = [2, 4, 10]; plus 1 each.
        assertThat(c).containsExactly(2, 4, 8, 3, 5, 11);
    }

    @Test
    void addToEachRowAddsTheRowToEveryRow() {
        float[] c = {1, 2, 3, 4, 5, 6}; // 3x2

        Kernels.addToEachRow(new float[] {10, 20}, c, 3, 2);

        assertThat(c).containsExactly(11, 22, 13, 24, 15, 26);
    }

    @Test
    void addColumnSumsAddsEachColumnsSum() {
        float[] a = {1, 2, 3, 4, 5, 6}; // 3x2
        float[] sums = {1, -1};

        Kernels.addColumnSums(a, sums, 3, 2);

        // [1 + 1+3+5, -1 + 2+4+6] = [10, 11]
        assertThat(sums).containsExactly(10, 11);
    }

    @Test
    void addColumnSumsAccumulatesInDouble() {
        float[] a = {16_777_216f, 1, 1}; // 3x1; 2^24 + 1 rounds back to 2^24 in float
        float[] sums = {0};

        Kernels.addColumnSums(a, sums, 3, 1);

        // In double 2^24 + 1 + 1 = 16777218, which float holds exactly; a float sum would stop at 2^24.
        assertThat(sums).containsExactly(16_777_218f);
    }

    @Test
    void productsAgreeWithATextbookTripleLoopOnUnevenSizes() {
        int m = 7;
        int k = 5;
        int n = 3;
        SplittableRandom random = new SplittableRandom(41);
        float[] a = random(random, m * k);
        float[] b = random(random, k * n);
        // Each kernel takes one operand transposed in memory; lay the same matrices out that way.
        float[] bTransposed = new float[n * k];
        for (int p = 0; p < k; p++) {
            for (int j = 0; j < n; j++) {
                bTransposed[j * k + p] = b[p * n + j];
            }
        }
        float[] aTransposed = new float[k * m];
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                aTransposed[p * m + i] = a[i * k + p];
            }
        }
        double[] expected = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                for (int p = 0; p < k; p++) {
                    expected[i * n + j] += (double) a[i * k + p] * b[p * n + j];
                }
            }
        }
        float[] viaTransposed = new float[m * n];
        float[] viaAdd = new float[m * n];
        float[] viaTransposedAdd = new float[m * n];

        Kernels.multiplyTransposed(a, bTransposed, viaTransposed, m, k, n);
        Kernels.multiplyAdd(a, b, viaAdd, m, k, n);
        Kernels.transposedMultiplyAdd(aTransposed, b, viaTransposedAdd, m, k, n);

        for (int i = 0; i < m * n; i++) {
            assertThat((double) viaTransposed[i]).isCloseTo(expected[i], within(1e-5));
            assertThat((double) viaAdd[i]).isCloseTo(expected[i], within(1e-5));
            assertThat((double) viaTransposedAdd[i]).isCloseTo(expected[i], within(1e-5));
        }
    }

    private static float[] random(SplittableRandom random, int length) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = (float) random.nextDouble(-1, 1);
        }
        return values;
    }

    @Test
    void aMatrixOfTheWrongSizeIsRefused() {
        assertThatThrownBy(() -> Kernels.multiplyAdd(new float[6], new float[6], new float[5], 2, 3, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("matrix c has 5 elements, expected 2x2 = 4");
    }

    /** op(A)·op(B) by the definition, one double sum per element: the reference gemm is checked against. */
    private static float[] reference(boolean transA, boolean transB, int m, int n, int k, float[] a, int aOffset,
            int lda, float[] b, int bOffset, int ldb) {
        float[] c = new float[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    float x = transA ? a[aOffset + p * lda + i] : a[aOffset + i * lda + p];
                    float y = transB ? b[bOffset + j * ldb + p] : b[bOffset + p * ldb + j];
                    sum += (double) x * y;
                }
                c[i * n + j] = (float) sum;
            }
        }
        return c;
    }

    @Test
    void gemmAgreesWithATripleLoopForEveryTransposeOffsetAndLeadingDimension() {
        SplittableRandom random = new SplittableRandom(7);
        for (int[] size : new int[][] {{1, 1, 1}, {3, 5, 7}, {17, 4, 33}, {8, 16, 64}, {5, 0, 3}}) {
            int m = size[0];
            int n = size[1];
            int k = size[2];
            for (boolean transA : new boolean[] {false, true}) {
                for (boolean transB : new boolean[] {false, true}) {
                    for (boolean accumulate : new boolean[] {false, true}) {
                        int lda = (transA ? m : k) + 2;
                        int ldb = (transB ? k : n) + 1;
                        int ldc = n + 3;
                        float[] a = randoms(random, 3 + (transA ? k : m) * lda);
                        float[] b = randoms(random, 5 + (transB ? n : k) * ldb);
                        float[] c = randoms(random, 1 + m * ldc);
                        float[] before = c.clone();

                        Kernels.gemm(transA, transB, m, n, k, a, 3, lda, b, 5, ldb, accumulate, c, 1, ldc);

                        float[] product = reference(transA, transB, m, n, k, a, 3, lda, b, 5, ldb);
                        // float sums of k terms in another order: a tolerance that grows with k
                        double tolerance = 1e-6 * Math.max(1, k);
                        for (int i = 0; i < m; i++) {
                            for (int j = 0; j < n; j++) {
                                double expected = product[i * n + j] + (accumulate ? before[1 + i * ldc + j] : 0);
                                assertThat((double) c[1 + i * ldc + j])
                                        .as("%dx%dx%d transA=%s transB=%s accumulate=%s at [%d, %d]", m, n, k,
                                                transA, transB, accumulate, i, j)
                                        .isCloseTo(expected, within(tolerance));
                            }
                            // what lies between the rows of c is left alone
                            for (int j = n; j < ldc && 1 + i * ldc + j < c.length; j++) {
                                assertThat(c[1 + i * ldc + j]).isEqualTo(before[1 + i * ldc + j]);
                            }
                        }
                        assertThat(c[0]).isEqualTo(before[0]);
                    }
                }
            }
        }
    }

    @Test
    void gemmRefusesABlockOutsideItsArray() {
        assertThatThrownBy(() -> Kernels.gemm(false, false, 2, 2, 2, new float[4], 1, 2, new float[4], 0, 2, false,
                new float[4], 0, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("matrix a (2x2 from offset 1, leading dimension 2) does not fit in an array of 4");
        assertThatThrownBy(() -> Kernels.gemm(false, false, 2, 2, 3, new float[6], 0, 2, new float[6], 0, 2, false,
                new float[4], 0, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("matrix a: leading dimension 2 is shorter than its rows of 3");
    }

    private static float[] randoms(SplittableRandom random, int length) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = (float) random.nextDouble(-1, 1);
        }
        return values;
    }
}
