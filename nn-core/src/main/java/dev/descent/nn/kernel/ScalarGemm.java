package dev.descent.nn.kernel;

import java.util.Arrays;

/**
 * {@link Gemm} as plain scalar loops, ordered so that the innermost loop walks contiguous memory: the
 * fallback where {@code jdk.incubator.vector} is absent, and the reference the vectorised kernel is tested
 * against (with a textbook triple loop in {@code double}).
 *
 * <p>With B transposed each element is a dot product along k, held in one {@code double}; otherwise the loop
 * order is i-k-j and a row of C is the {@code float} accumulator, as in BLAS {@code sgemm} and PyTorch's CPU
 * kernels.
 */
final class ScalarGemm implements Gemm {
    @Override
    public String toString() {
        return "scalar GEMM";
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, float[] a, int aOffset, int lda,
            float[] b, int bOffset, int ldb, boolean accumulate, float[] c, int cOffset, int ldc) {
        if (transB) {
            // Each element is a dot product along k; one double accumulator costs nothing in a scalar loop.
            for (int i = 0; i < m; i++) {
                int cRow = cOffset + i * ldc;
                for (int j = 0; j < n; j++) {
                    int bRow = bOffset + j * ldb;
                    double sum = 0;
                    if (transA) {
                        for (int p = 0; p < k; p++) {
                            sum += (double) a[aOffset + p * lda + i] * b[bRow + p];
                        }
                    } else {
                        int aRow = aOffset + i * lda;
                        for (int p = 0; p < k; p++) {
                            sum += (double) a[aRow + p] * b[bRow + p];
                        }
                    }
                    c[cRow + j] = accumulate ? (float) (c[cRow + j] + sum) : (float) sum;
                }
            }
            return;
        }
        // i-k-j: the inner loop runs along a row of b and a row of c, both contiguous.
        for (int i = 0; i < m; i++) {
            int cRow = cOffset + i * ldc;
            if (!accumulate) {
                Arrays.fill(c, cRow, cRow + n, 0f);
            }
            for (int p = 0; p < k; p++) {
                float scale = transA ? a[aOffset + p * lda + i] : a[aOffset + i * lda + p];
                int bRow = bOffset + p * ldb;
                for (int j = 0; j < n; j++) {
                    c[cRow + j] += scale * b[bRow + j];
                }
            }
        }
    }
}
