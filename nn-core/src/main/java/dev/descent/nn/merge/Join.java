package dev.descent.nn.merge;

import dev.descent.api.Pass;
import dev.descent.api.Shapes;
import dev.descent.api.Tensor;
import java.util.List;

/**
 * Concatenation and stacking, both a copy of contiguous chunks: each input is split at one axis into
 * {@code outer} rows (the batch and the axes before it) of a chunk (that axis and those after), and each
 * output row is the inputs' chunks one after another.
 */
abstract class Join extends AbstractMergeLayer {
    /** Per input, the elements of one chunk. */
    private int[] chunks;
    private int rowLength;
    /** Rows per example: the product of the per-example axes before the split. */
    private int rowsPerExample;

    /** The axis of the spec, as given (negative counts from the end). */
    final int dim;

    Join(String name, int dim) {
        super(name, 2, Integer.MAX_VALUE);
        this.dim = dim;
    }

    public final int dim() {
        return dim;
    }

    /** The full-tensor axis of the inputs at which they are split into rows and chunks, given their rank. */
    abstract int splitAxis(int perExampleRank);

    @Override
    final void plan(int[][] inputShapes, int[] outputShape) {
        int split = splitAxis(inputShapes[0].length) - 1;
        chunks = new int[inputShapes.length];
        rowLength = 0;
        for (int i = 0; i < inputShapes.length; i++) {
            int[] shape = inputShapes[i];
            chunks[i] = (int) Shapes.size(java.util.Arrays.copyOfRange(shape, split, shape.length));
            rowLength += chunks[i];
        }
        rowsPerExample = (int) Shapes.size(java.util.Arrays.copyOfRange(inputShapes[0], 0, split));
    }

    @Override
    public final Tensor forward(List<Tensor> inputs, Pass pass) {
        Tensor result = prepare(inputs, pass);
        float[] y = result.array();
        int rows = result.shapeView()[0] * rowsPerExample;
        int start = 0;
        for (int i = 0; i < inputs.size(); i++) {
            Tensor input = inputs.get(i);
            float[] x = input.array();
            int chunk = chunks[i];
            for (int r = 0, from = input.offset(), to = start; r < rows; r++, from += chunk, to += rowLength) {
                System.arraycopy(x, from, y, to, chunk);
            }
            start += chunk;
        }
        return result;
    }

    /** Each input's gradient is its part of the output gradient. */
    @Override
    public final List<Tensor> backward(Tensor outputGradient) {
        int batch = checkBackward(outputGradient);
        float[] dY = outputGradient.array();
        int rows = batch * rowsPerExample;
        int start = outputGradient.offset();
        for (int i = 0; i < lastInputs.length; i++) {
            float[] dx = gradientBuffer(i, false).array();
            int chunk = chunks[i];
            for (int r = 0, from = start, to = 0; r < rows; r++, from += rowLength, to += chunk) {
                System.arraycopy(dY, from, dx, to, chunk);
            }
            start += chunk;
        }
        return gradients();
    }

    /**
     * {@code dim} resolved against a full rank (batch included) with {@code positions} valid values, as
     * PyTorch's negative dims count from the end.
     *
     * @throws IllegalArgumentException if it is out of range or names the batch axis
     */
    final int resolve(int dim, int positions, List<int[]> inputShapes) {
        int resolved = dim < 0 ? dim + positions : dim;
        if (resolved < 0 || resolved >= positions) {
            throw new IllegalArgumentException(name() + ": dim " + dim + " is out of range for per-example input"
                    + " shapes " + Broadcast.describe(inputShapes) + " (with the batch axis first); expected an axis"
                    + " after the batch: " + (positions == 2 ? "1 or -1" : "1 to " + (positions - 1) + ", or "
                    + (1 - positions) + " to -1"));
        }
        if (resolved == 0) {
            throw new IllegalArgumentException(name() + ": dim " + dim + " is the batch axis; a merge joins"
                    + " examples axis by axis, so dim must name an axis after the batch (1 or more, or negative)");
        }
        return resolved;
    }
}
