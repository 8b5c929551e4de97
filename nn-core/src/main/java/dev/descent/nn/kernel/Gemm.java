package dev.descent.nn.kernel;

/**
 * One implementation of {@link Kernels#gemm}: {@code C = op(A) · op(B)}, or {@code C += op(A) · op(B)} when
 * {@code accumulate}, on row-major blocks with BLAS-style arguments. Two implementations: {@link ScalarGemm}
 * (plain loops, the fallback) and {@code VectorGemm} (packed panels and a register-blocked Vector API
 * micro-kernel), one of which {@link GemmLoader} chooses once per JVM.
 *
 * <p>The arguments reach an implementation already checked by {@link Kernels#gemm}: dimensions are not
 * negative and every block fits in its array. With {@code accumulate} false, C is overwritten without being
 * read (BLAS's beta 0), so a NaN left in C does not survive.
 */
interface Gemm {
    void gemm(boolean transA, boolean transB, int m, int n, int k, float[] a, int aOffset, int lda,
            float[] b, int bOffset, int ldb, boolean accumulate, float[] c, int cOffset, int ldc);
}
