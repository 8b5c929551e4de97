package dev.descent.nn.kernel;

/**
 * The matrix products the layers are built on, over row-major {@code float[]} matrices.
 *
 * <p>Today these are plain scalar loops, ordered so that the innermost loop walks contiguous memory.
 * The Vector-API issue turns this class into the facade that picks an implementation once (the Vector
 * API when {@code jdk.incubator.vector} is present, these loops otherwise); the layers call only the
 * static methods here, so they will not change.
 *
 * <p>Where one scalar holds a sum (a dot product, a column sum) it is a {@code double}. Where the loop
 * order makes a row of the output the accumulator (i-k-j), that row is the {@code float} output itself,
 * as in BLAS {@code sgemm} and PyTorch's CPU kernels.
 */
public final class Kernels {
    private Kernels() {}

    /**
     * {@code c = a · bᵀ}, overwriting {@code c}: {@code a} is m×k, {@code b} is n×k, {@code c} is m×n.
     * This is a linear layer's forward ({@code x Wᵀ} with W stored [out, in]).
     */
    public static void multiplyTransposed(float[] a, float[] b, float[] c, int m, int k, int n) {
        checkSize("a", a, m, k);
        checkSize("b", b, n, k);
        checkSize("c", c, m, n);
        // Rows of a and of b are both contiguous in k, so each element is a dot product of two rows;
        // its single accumulator can be a double at no cost (a scalar loop does not vectorise anyway).
        for (int i = 0; i < m; i++) {
            int aRow = i * k;
            int cRow = i * n;
            for (int j = 0; j < n; j++) {
                int bRow = j * k;
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    sum += (double) a[aRow + p] * b[bRow + p];
                }
                c[cRow + j] = (float) sum;
            }
        }
    }

    /**
     * {@code c += a · b}: {@code a} is m×k, {@code b} is k×n, {@code c} is m×n. This is a linear
     * layer's input gradient ({@code dY W}).
     */
    public static void multiplyAdd(float[] a, float[] b, float[] c, int m, int k, int n) {
        checkSize("a", a, m, k);
        checkSize("b", b, k, n);
        checkSize("c", c, m, n);
        // i-k-j: the inner loop runs along a row of b and a row of c, both contiguous.
        for (int i = 0; i < m; i++) {
            int cRow = i * n;
            for (int p = 0; p < k; p++) {
                float scale = a[i * k + p];
                int bRow = p * n;
                for (int j = 0; j < n; j++) {
                    c[cRow + j] += scale * b[bRow + j];
                }
            }
        }
    }

    /**
     * {@code c += aᵀ · b}: {@code a} is k×m, {@code b} is k×n, {@code c} is m×n. This is a linear
     * layer's weight gradient ({@code dYᵀ X}, summed over the batch of k rows).
     */
    public static void transposedMultiplyAdd(float[] a, float[] b, float[] c, int m, int k, int n) {
        checkSize("a", a, k, m);
        checkSize("b", b, k, n);
        checkSize("c", c, m, n);
        // i-k-j with a read down a column: the row of c stays in cache while the batch streams past.
        for (int i = 0; i < m; i++) {
            int cRow = i * n;
            for (int p = 0; p < k; p++) {
                float scale = a[p * m + i];
                int bRow = p * n;
                for (int j = 0; j < n; j++) {
                    c[cRow + j] += scale * b[bRow + j];
                }
            }
        }
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
        double[] total = new double[n];
        for (int i = 0; i < m; i++) {
            int aRow = i * n;
            for (int j = 0; j < n; j++) {
                total[j] += a[aRow + j];
            }
        }
        for (int j = 0; j < n; j++) {
            sums[j] = (float) (sums[j] + total[j]);
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
