package dev.descent.nn.merge;

import dev.descent.api.Pass;
import dev.descent.api.Shapes;
import dev.descent.api.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * The row-wise dot product of two inputs: the sum over the last axis of their product, as PyTorch's
 * {@code (a * b).sum(-1)}. The last axes must have one length D; the axes before it broadcast as PyTorch's,
 * so [N, 1, D] · [N, 2, D] gives [N, 2] (one user against two items).
 *
 * <p>The last axis is removed, as in PyTorch: [N, D] · [N, D] gives [N], not Keras's [N, 1]. One rule for
 * every rank keeps the shapes predictable; a model that wants [N, 1] feeds [N, 1, D] inputs (an embedding
 * of a one-element index does that).
 */
public final class Dot extends AbstractMergeLayer {
    private int features;
    /** Per input, rows (of D) per example, and the map from output positions to its rows. */
    private final int[] rowsPerExample = new int[2];
    private final int[][] maps = new int[2][];
    private int outputSize;

    public Dot() {
        super("dot", 2, 2);
    }

    @Override
    int[] computeOutputShape(List<int[]> inputShapes) {
        int[] a = inputShapes.get(0);
        int[] b = inputShapes.get(1);
        if (a.length == 0 || b.length == 0 || a[a.length - 1] != b[b.length - 1]) {
            throw new IllegalArgumentException("dot: per-example input shapes " + Broadcast.describe(inputShapes)
                    + " do not fit; both need a last axis of one length D, the axis summed over");
        }
        return Broadcast.shape("dot", List.of(lead(a), lead(b)));
    }

    private static int[] lead(int[] shape) {
        return Arrays.copyOf(shape, shape.length - 1);
    }

    @Override
    void plan(int[][] inputShapes, int[] outputShape) {
        features = inputShapes[0][inputShapes[0].length - 1];
        for (int i = 0; i < 2; i++) {
            int[] lead = lead(inputShapes[i]);
            rowsPerExample[i] = (int) Shapes.size(lead);
            maps[i] = Broadcast.indexMap(lead, outputShape);
        }
        outputSize = (int) Shapes.size(outputShape);
    }

    private int row(int i, int n, int o) {
        return (n * rowsPerExample[i] + (maps[i] == null ? o : maps[i][o])) * features;
    }

    @Override
    public Tensor forward(List<Tensor> inputs, Pass pass) {
        Tensor result = prepare(inputs, pass);
        float[] y = result.array();
        Tensor a = inputs.get(0);
        Tensor b = inputs.get(1);
        float[] x0 = a.array();
        float[] x1 = b.array();
        int batch = result.shapeView()[0];
        for (int n = 0; n < batch; n++) {
            for (int o = 0; o < outputSize; o++) {
                int ra = a.offset() + row(0, n, o);
                int rb = b.offset() + row(1, n, o);
                double sum = 0;
                for (int k = 0; k < features; k++) {
                    sum += (double) x0[ra + k] * x1[rb + k];
                }
                y[n * outputSize + o] = (float) sum;
            }
        }
        return result;
    }

    /** d/da = dY · b and d/db = dY · a, row by row, summed over the rows an input was broadcast to. */
    @Override
    public List<Tensor> backward(Tensor outputGradient) {
        int batch = checkBackward(outputGradient);
        float[] dY = outputGradient.array();
        int dyOffset = outputGradient.offset();
        Tensor a = lastInputs[0];
        Tensor b = lastInputs[1];
        float[] x0 = a.array();
        float[] x1 = b.array();
        float[] da = gradientBuffer(0, true).array();
        float[] db = gradientBuffer(1, true).array();
        for (int n = 0; n < batch; n++) {
            for (int o = 0; o < outputSize; o++) {
                float g = dY[dyOffset + n * outputSize + o];
                int ra = row(0, n, o);
                int rb = row(1, n, o);
                for (int k = 0; k < features; k++) {
                    da[ra + k] += g * x1[b.offset() + rb + k];
                    db[rb + k] += g * x0[a.offset() + ra + k];
                }
            }
        }
        return gradients();
    }

    @Override
    public String toString() {
        return "dot";
    }
}
