package dev.descent.nn.kernel;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Gemm} on the Vector API ({@code jdk.incubator.vector}), loaded by {@link GemmLoader} only when that
 * module is present: loops around a register-blocked micro-kernel, after BLIS and Goto and van de Geijn's
 * "Anatomy of High-Performance Matrix Multiplication".
 *
 * <ul>
 *   <li>op(B) is cut into blocks of {@link #KC} rows by {@link #NC} columns and each is packed into micro-panels
 *       of {@link #NR} columns, stored p-major ({@code NR} contiguous floats per step of k); op(A) into blocks of
 *       {@link #MC} rows by the same {@code KC}, packed into micro-panels of {@link #MR} rows. Packing reads the
 *       matrices through their offsets, leading dimensions and transpose flags, so the micro-kernel sees one
 *       layout for all four combinations; the panels of an edge are padded with zeros.
 *   <li>The micro-kernel keeps an {@code MR × NR} tile of C in {@code MR · 4} vector registers and adds one
 *       rank-1 update per step of k: four vectors of B loaded, each element of A broadcast, one FMA per
 *       accumulator. C is read (for {@code accumulate}, or after the first block of k: the accumulators start from
 *       it) and written once per tile.
 *   <li>A tile that crosses the edge of C (fewer than {@code MR} rows or {@code NR} columns left) is computed in
 *       full into a small scratch tile, and only its valid part is added or copied into C by a scalar loop.
 * </ul>
 *
 * <p>Sums are {@code float}, one FMA per term in increasing k within a block of {@code KC}, each block added to
 * C in turn; the scalar kernel sums in another order (a {@code double} dot product with B transposed), so the
 * two differ by rounding that grows with k.
 *
 * <p>The packed panels live in a per-thread scratch ({@link ThreadLocal}), grown to the largest block a thread
 * has needed and reused after, so a call in steady state allocates nothing. A thread-local rather than a
 * buffer owned by the caller, because the layers call {@link Kernels#gemm} with BLAS arguments only (no
 * context object yet), and any thread may multiply at once (a trainer and an evaluator, Spark's executors):
 * each gets its own panels. Single-threaded: one call runs on its caller's thread.
 *
 * <p>Only the API of JDK 17's incubator is used, so that the class links on every JDK from 17 on.
 */
final class VectorGemm implements Gemm {
    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();
    /** Rows of the micro-kernel's tile of C. */
    static final int MR = 4;
    /** Columns of the micro-kernel's tile: four vectors. */
    static final int NR = 4 * LANES;
    /**
     * The depth of a packed block: an A micro-panel ({@code MR · KC} floats, 4 KB) and a B micro-panel
     * ({@code NR · KC}, 32 KB at 8 lanes) stay in the L1 and L2 caches while a tile is computed. A k that
     * needs several blocks is split into blocks of equal depth.
     */
    static final int KC = 256;
    /** Rows of a packed block of A ({@code MC · KC} floats, 64 KB: the L2 cache). */
    static final int MC = 64;
    /** Columns of a packed block of B ({@code KC · NC} floats, 1 MB at most: the L3 cache); a multiple of NR. */
    static final int NC = Math.max(NR, 1024 / NR * NR);

    /**
     * Below this many multiply-adds ({@code m · n · k}) the scalar loops run instead: a product that small is
     * less than one or two tiles of work (a 4 × 32 tile 32 deep is 4096), which packing and an edge tile
     * computed in full would cost more than they save.
     */
    static final long SMALL = 4096;
    private static final Gemm SCALAR = new ScalarGemm();

    /** A row of a tile's zeros: where the micro-kernel's accumulators start when it overwrites C. */
    private static final float[] ZEROS = new float[NR];

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** Products of fewer multiply-adds than this go to the scalar loops: {@link #SMALL}, or 0 in the tests. */
    private final long small;

    /** Fails on a CPU whose vectors hold fewer than 4 floats: there the Vector API would not be intrinsified. */
    VectorGemm() {
        this(SMALL);
    }

    /** With the scalar loops below {@code small} multiply-adds; the tests take 0, to run every shape here. */
    VectorGemm(long small) {
        this.small = small;
        if (LANES < 4) {
            throw new UnsupportedOperationException("the CPU's vectors are " + SPECIES.vectorBitSize()
                    + " bits wide; the vectorised GEMM needs 128");
        }
    }

    @Override
    public String toString() {
        return "vectorised GEMM (" + MR + "x" + NR + " tiles of " + SPECIES.vectorBitSize() + "-bit vectors)";
    }

    /** One thread's packed panels and edge tile, grown on demand and reused. */
    private static final class Scratch {
        float[] a = new float[0];
        float[] b = new float[0];
        final float[] tile = new float[MR * NR];

        float[] a(int size) {
            if (a.length < size) {
                a = new float[size];
            }
            return a;
        }

        float[] b(int size) {
            if (b.length < size) {
                b = new float[size];
            }
            return b;
        }
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, float[] a, int aOffset, int lda,
            float[] b, int bOffset, int ldb, boolean accumulate, float[] c, int cOffset, int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            if (!accumulate) {
                for (int i = 0; i < m; i++) {
                    Arrays.fill(c, cOffset + i * ldc, cOffset + i * ldc + n, 0f);
                }
            }
            return;
        }
        if ((long) m * n * k < small) {
            SCALAR.gemm(transA, transB, m, n, k, a, aOffset, lda, b, bOffset, ldb, accumulate, c, cOffset, ldc);
            return;
        }
        Scratch scratch = SCRATCH.get();
        int kBlocks = (k + KC - 1) / KC;
        int kcMax = (k + kBlocks - 1) / kBlocks;
        float[] packedB = scratch.b(kcMax * Math.min(roundUp(n, NR), NC));
        float[] packedA = scratch.a(kcMax * Math.min(roundUp(m, MR), MC));
        float[] tile = scratch.tile;
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += kcMax) {
                int kc = Math.min(kcMax, k - pc);
                boolean add = accumulate || pc > 0;
                packB(transB, b, bOffset, ldb, pc, kc, jc, nc, packedB);
                for (int ic = 0; ic < m; ic += MC) {
                    int mc = Math.min(MC, m - ic);
                    packA(transA, a, aOffset, lda, ic, mc, pc, kc, packedA);
                    for (int jr = 0; jr < nc; jr += NR) {
                        int cols = Math.min(NR, nc - jr);
                        for (int ir = 0; ir < mc; ir += MR) {
                            int rows = Math.min(MR, mc - ir);
                            int cTile = cOffset + (ic + ir) * ldc + jc + jr;
                            if (rows == MR && cols == NR) {
                                kernel(kc, packedA, ir * kc, packedB, jr * kc, c, cTile, ldc, add);
                            } else {
                                kernel(kc, packedA, ir * kc, packedB, jr * kc, tile, 0, NR, false);
                                edge(tile, rows, cols, c, cTile, ldc, add);
                            }
                        }
                    }
                }
            }
        }
    }

    private static int roundUp(int x, int multiple) {
        return (x + multiple - 1) / multiple * multiple;
    }

    /**
     * Packs rows {@code ic} to {@code ic + mc} and columns {@code pc} to {@code pc + kc} of op(A) into micro-panels
     * of MR rows: element (r, p) of the panel starting at row {@code ir} goes to {@code ir · kc + p · MR + r}.
     */
    private static void packA(boolean transA, float[] a, int aOffset, int lda, int ic, int mc, int pc, int kc,
            float[] packed) {
        for (int ir = 0; ir < mc; ir += MR) {
            int rows = Math.min(MR, mc - ir);
            int panel = ir * kc;
            if (transA) {
                // op(A)(i, p) = a[p · lda + i]: the MR rows of one step of k lie side by side.
                for (int p = 0; p < kc; p++) {
                    int from = aOffset + (pc + p) * lda + ic + ir;
                    int to = panel + p * MR;
                    for (int r = 0; r < rows; r++) {
                        packed[to + r] = a[from + r];
                    }
                }
            } else {
                for (int r = 0; r < rows; r++) {
                    int from = aOffset + (ic + ir + r) * lda + pc;
                    for (int p = 0; p < kc; p++) {
                        packed[panel + p * MR + r] = a[from + p];
                    }
                }
            }
            for (int r = rows; r < MR; r++) {
                for (int p = 0; p < kc; p++) {
                    packed[panel + p * MR + r] = 0f;
                }
            }
        }
    }

    /**
     * Packs rows {@code pc} to {@code pc + kc} and columns {@code jc} to {@code jc + nc} of op(B) into micro-panels
     * of NR columns: element (p, j) of the panel starting at column {@code jr} goes to {@code jr · kc + p · NR + j}.
     */
    private static void packB(boolean transB, float[] b, int bOffset, int ldb, int pc, int kc, int jc, int nc,
            float[] packed) {
        for (int jr = 0; jr < nc; jr += NR) {
            int cols = Math.min(NR, nc - jr);
            int panel = jr * kc;
            if (transB) {
                // op(B)(p, j) = b[j · ldb + p]: read each row of b along k, write it down a column of the panel.
                for (int j = 0; j < cols; j++) {
                    int from = bOffset + (jc + jr + j) * ldb + pc;
                    for (int p = 0; p < kc; p++) {
                        packed[panel + p * NR + j] = b[from + p];
                    }
                }
                for (int p = 0; p < kc && cols < NR; p++) {
                    Arrays.fill(packed, panel + p * NR + cols, panel + (p + 1) * NR, 0f);
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    int to = panel + p * NR;
                    System.arraycopy(b, bOffset + (pc + p) * ldb + jc + jr, packed, to, cols);
                    if (cols < NR) {
                        Arrays.fill(packed, to + cols, to + NR, 0f);
                    }
                }
            }
        }
    }

    /** Adds (or copies) the valid {@code rows × cols} corner of an edge tile into C. */
    private static void edge(float[] tile, int rows, int cols, float[] c, int cTile, int ldc, boolean add) {
        for (int r = 0; r < rows; r++) {
            int to = cTile + r * ldc;
            int from = r * NR;
            for (int j = 0; j < cols; j++) {
                c[to + j] = add ? c[to + j] + tile[from + j] : tile[from + j];
            }
        }
    }

    /**
     * The micro-kernel: the MR × NR tile at {@code c[ct]} (rows {@code ldc} apart) becomes, or with {@code add}
     * is incremented by, the product of the A micro-panel at {@code a[ao]} and the B micro-panel at
     * {@code b[bo]}, {@code kc} steps deep. Sixteen accumulators, held in registers across the k loop.
     *
     * <p>The accumulators start from C itself when adding, else from a row of zeros: one load per
     * accumulator either way, so that no vector is chosen by a branch and the method stays small enough for
     * C2 to inline every Vector API call (past its node budget, a call left out of line boxes the vectors it
     * is passed, and the kernel allocates on every step). C is never read when overwriting, so a NaN there
     * does not survive (BLAS's beta 0).
     */
    private static void kernel(int kc, float[] a, int ao, float[] b, int bo, float[] c, int ct, int ldc,
            boolean add) {
        float[] start = add ? c : ZEROS;
        int s0 = add ? ct : 0;
        int step = add ? ldc : 0;
        FloatVector c00 = FloatVector.fromArray(SPECIES, start, s0);
        FloatVector c01 = FloatVector.fromArray(SPECIES, start, s0 + LANES);
        FloatVector c02 = FloatVector.fromArray(SPECIES, start, s0 + 2 * LANES);
        FloatVector c03 = FloatVector.fromArray(SPECIES, start, s0 + 3 * LANES);
        int s1 = s0 + step;
        FloatVector c10 = FloatVector.fromArray(SPECIES, start, s1);
        FloatVector c11 = FloatVector.fromArray(SPECIES, start, s1 + LANES);
        FloatVector c12 = FloatVector.fromArray(SPECIES, start, s1 + 2 * LANES);
        FloatVector c13 = FloatVector.fromArray(SPECIES, start, s1 + 3 * LANES);
        int s2 = s1 + step;
        FloatVector c20 = FloatVector.fromArray(SPECIES, start, s2);
        FloatVector c21 = FloatVector.fromArray(SPECIES, start, s2 + LANES);
        FloatVector c22 = FloatVector.fromArray(SPECIES, start, s2 + 2 * LANES);
        FloatVector c23 = FloatVector.fromArray(SPECIES, start, s2 + 3 * LANES);
        int s3 = s2 + step;
        FloatVector c30 = FloatVector.fromArray(SPECIES, start, s3);
        FloatVector c31 = FloatVector.fromArray(SPECIES, start, s3 + LANES);
        FloatVector c32 = FloatVector.fromArray(SPECIES, start, s3 + 2 * LANES);
        FloatVector c33 = FloatVector.fromArray(SPECIES, start, s3 + 3 * LANES);
        for (int p = 0; p < kc; p++, ao += MR, bo += NR) {
            FloatVector b0 = FloatVector.fromArray(SPECIES, b, bo);
            FloatVector b1 = FloatVector.fromArray(SPECIES, b, bo + LANES);
            FloatVector b2 = FloatVector.fromArray(SPECIES, b, bo + 2 * LANES);
            FloatVector b3 = FloatVector.fromArray(SPECIES, b, bo + 3 * LANES);
            FloatVector x = FloatVector.broadcast(SPECIES, a[ao]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            c03 = x.fma(b3, c03);
            x = FloatVector.broadcast(SPECIES, a[ao + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            c13 = x.fma(b3, c13);
            x = FloatVector.broadcast(SPECIES, a[ao + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            c23 = x.fma(b3, c23);
            x = FloatVector.broadcast(SPECIES, a[ao + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
            c33 = x.fma(b3, c33);
        }
        // Stored through a vector of exact type: on JDK 17, once a second float shape is in use (loss-core's
        // 128-bit floats), C2 no longer knows the accumulators' class after the loop, fails to intrinsify
        // intoArray and boxes every vector of the loop. A zero (exact: made from the constant species) plus the
        // accumulator is the accumulator (-0 becomes +0), of exact type; JDK 25 needs no such help.
        FloatVector zero = FloatVector.zero(SPECIES);
        zero.add(c00).intoArray(c, ct);
        zero.add(c01).intoArray(c, ct + LANES);
        zero.add(c02).intoArray(c, ct + 2 * LANES);
        zero.add(c03).intoArray(c, ct + 3 * LANES);
        ct += ldc;
        zero.add(c10).intoArray(c, ct);
        zero.add(c11).intoArray(c, ct + LANES);
        zero.add(c12).intoArray(c, ct + 2 * LANES);
        zero.add(c13).intoArray(c, ct + 3 * LANES);
        ct += ldc;
        zero.add(c20).intoArray(c, ct);
        zero.add(c21).intoArray(c, ct + LANES);
        zero.add(c22).intoArray(c, ct + 2 * LANES);
        zero.add(c23).intoArray(c, ct + 3 * LANES);
        ct += ldc;
        zero.add(c30).intoArray(c, ct);
        zero.add(c31).intoArray(c, ct + LANES);
        zero.add(c32).intoArray(c, ct + 2 * LANES);
        zero.add(c33).intoArray(c, ct + 3 * LANES);
    }
}
