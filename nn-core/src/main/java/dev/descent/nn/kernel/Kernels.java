package dev.descent.nn.kernel;

/**
 * The matrix products the layers are built on, over row-major {@code float[]} matrices.
 *
 * <p>{@link #gemm} is a facade over two implementations chosen once per JVM (see {@link GemmLoader}): a
 * register-blocked Vector API kernel on packed panels ({@code VectorGemm}) when {@code jdk.incubator.vector} is
 * present, plain scalar loops ({@link ScalarGemm}) otherwise. The wrappers below are the three products a
 * linear layer needs, on whole arrays.
 *
 * <p>Where one scalar holds a sum (a column sum) it is a {@code double}. The vectorised products sum in
 * {@code float} with FMA, as BLAS {@code sgemm} and PyTorch's CPU kernels do.
 */
public final class Kernels {
    private Kernels() {}

    /**
     * The general product, as BLAS {@code sgemm} on row-major matrices with alpha 1 and beta 0 or 1:
     * {@code C = op(A) · op(B)}, or {@code C += op(A) · op(B)} when {@code accumulate}. {@code op(A)} is
     * m×k: A itself, stored m×k, or with {@code transA} the transpose of A stored k×m; likewise
     * {@code op(B)} is k×n, B stored k×n or (with {@code transB}) n×k. Each matrix starts at its offset
     * and its rows lie its leading dimension apart ({@code lda}, {@code ldb}, {@code ldc}), so a block of a
     * larger array (one group of a convolution, one example of a batch) is used without a copy.
     *
     * @throws IllegalArgumentException if a dimension is negative, a leading dimension is shorter than a
     *     row, or a matrix does not fit in its array
     */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k, float[] a, int aOffset, int lda,
            float[] b, int bOffset, int ldb, boolean accumulate, float[] c, int cOffset, int ldc) {
        checkBlock("a", a, aOffset, lda, transA ? k : m, transA ? m : k);
        checkBlock("b", b, bOffset, ldb, transB ? n : k, transB ? k : n);
        checkBlock("c", c, cOffset, ldc, m, n);
        GemmLoader.CHOSEN.gemm(transA, transB, m, n, k, a, aOffset, lda, b, bOffset, ldb, accumulate, c, cOffset,
                ldc);
    }

    /**
     * {@code c = a · bᵀ}, overwriting {@code c}: {@code a} is m×k, {@code b} is n×k, {@code c} is m×n.
     * This is a linear layer's forward ({@code x Wᵀ} with W stored [out, in]).
     */
    public static void multiplyTransposed(float[] a, float[] b, float[] c, int m, int k, int n) {
        checkSize("a", a, m, k);
        checkSize("b", b, n, k);
        checkSize("c", c, m, n);
        gemm(false, true, m, n, k, a, 0, k, b, 0, k, false, c, 0, n);
    }

    /**
     * {@code c += a · b}: {@code a} is m×k, {@code b} is k×n, {@code c} is m×n. This is a linear
     * layer's input gradient ({@code dY W}).
     */
    public static void multiplyAdd(float[] a, float[] b, float[] c, int m, int k, int n) {
        checkSize("a", a, m, k);
        checkSize("b", b, k, n);
        checkSize("c", c, m, n);
        gemm(false, false, m, n, k, a, 0, k, b, 0, n, true, c, 0, n);
    }

    /**
     * {@code c += aᵀ · b}: {@code a} is k×m, {@code b} is k×n, {@code c} is m×n. This is a linear
     * layer's weight gradient ({@code dYᵀ X}, summed over the batch of k rows).
     */
    public static void transposedMultiplyAdd(float[] a, float[] b, float[] c, int m, int k, int n) {
        checkSize("a", a, k, m);
        checkSize("b", b, k, n);
        checkSize("c", c, m, n);
        gemm(true, false, m, n, k, a, 0, m, b, 0, n, true, c, 0, n);
    }

    /** {@code c[i, j] += row[j]} for every row i of the m×n matrix {@code c}: a bias added to a batch. */
    public static void addToEachRow(float[] row, float[] c, int m, int n) {
        checkSize("row", row, 1, n);
        checkSize("c", c, m, n);
        for (int i = 0; i < m; i++) {
            int cRow = i * n;
            for (int j = 0; j < n; j++) {
                c[cRow + j] += row[j];
            }
        }
    }

    /**
     * {@code sums[j] += Σᵢ a[i, j]} over the m×n matrix {@code a}: a bias gradient, the output gradient
     * summed over the batch. Accumulated in {@code double}, since a batch may be long.
     */
    public static void addColumnSums(float[] a, float[] sums, int m, int n) {
        checkSize("a", a, m, n);
        checkSize("sums", sums, 1, n);
        // Column by column, so one double holds each sum and nothing is allocated per call.
        for (int j = 0; j < n; j++) {
            double total = 0;
            for (int i = 0; i < m; i++) {
                total += a[i * n + j];
            }
            sums[j] = (float) (sums[j] + total);
        }
    }

    private static void checkBlock(String name, float[] matrix, int offset, int ld, int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("matrix " + name + " cannot be " + rows + "x" + cols
                    + "; dimensions must be >= 0");
        }
        if (ld < Math.max(1, cols)) {
            throw new IllegalArgumentException("matrix " + name + ": leading dimension " + ld
                    + " is shorter than its rows of " + cols);
        }
        long last = rows == 0 || cols == 0 ? offset : offset + (long) (rows - 1) * ld + cols;
        if (offset < 0 || last > matrix.length) {
            throw new IllegalArgumentException("matrix " + name + " (" + rows + "x" + cols + " from offset " + offset
                    + ", leading dimension " + ld + ") does not fit in an array of " + matrix.length);
        }
    }

    private static void checkSize(String name, float[] matrix, int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("matrix " + name + " cannot have " + rows + "x" + cols
                    + " elements; dimensions must be >= 0");
        }
        if (matrix.length != (long) rows * cols) {
            throw new IllegalArgumentException("matrix " + name + " has " + matrix.length + " elements, expected "
                    + rows + "x" + cols + " = " + (long) rows * cols);
        }
    }
}
