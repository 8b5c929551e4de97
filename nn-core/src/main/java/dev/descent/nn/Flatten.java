package dev.descent.nn;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Shapes;

/**
 * Merges the axes {@code start_dim} to {@code end_dim} (both included) into one, as PyTorch's
 * {@code nn.Flatten}: the axes count as PyTorch's, the batch axis included, negative ones from the end; the
 * default, 1 to -1, turns [N, C, H, W] into [N, C·H·W]. The batch axis is kept: {@code start_dim} must not be
 * 0. The output is a view of the input (see {@link ReshapingLayer}).
 */
public final class Flatten extends ReshapingLayer {
    /** PyTorch's defaults for {@code nn.Flatten}. */
    public static final int DEFAULT_START_DIM = 1;
    public static final int DEFAULT_END_DIM = -1;

    private final int startDim;
    private final int endDim;

    public Flatten(int startDim, int endDim) {
        super("flatten");
        this.startDim = startDim;
        this.endDim = endDim;
        if (startDim == 0) {
            throw batchAxis();
        }
    }

    private IllegalArgumentException batchAxis() {
        return new IllegalArgumentException("flatten: start_dim=" + startDim + " is the batch axis, which must be"
                + " kept; start from 1 (the first axis of an example)");
    }

    /**
     * @throws IllegalArgumentException if a dim is outside the rank of a batch of these examples, start_dim is
     *     the batch axis, or start_dim comes after end_dim
     */
    @Override
    public int[] outputShape(int[] inputShape) {
        requireNonNull(inputShape, "inputShape is null");
        int rank = inputShape.length + 1;
        int start = resolve("start_dim", startDim, rank, inputShape);
        int end = resolve("end_dim", endDim, rank, inputShape);
        if (start == 0) {
            throw batchAxis();
        }
        if (start > end) {
            throw new IllegalArgumentException("flatten: start_dim=" + startDim + " comes after end_dim=" + endDim
                    + " for examples of shape " + Shapes.toString(inputShape) + " (axes " + start + " and " + end
                    + " of the batch)");
        }
        int[] output = new int[inputShape.length - (end - start)];
        int merged = 1;
        for (int axis = start; axis <= end; axis++) {
            merged = Math.multiplyExact(merged, inputShape[axis - 1]);
        }
        System.arraycopy(inputShape, 0, output, 0, start - 1);
        output[start - 1] = merged;
        System.arraycopy(inputShape, end, output, start, inputShape.length - end);
        return output;
    }

    private static int resolve(String parameter, int dim, int rank, int[] inputShape) {
        int axis = dim < 0 ? dim + rank : dim;
        if (axis < 0 || axis >= rank) {
            throw new IllegalArgumentException("flatten: " + parameter + "=" + dim + " is outside a batch of examples"
                    + " of shape " + Shapes.toString(inputShape) + ", rank " + rank + "; expected " + (1 - rank) + ".."
                    + (rank - 1) + " (the batch axis counted, as PyTorch's)");
        }
        return axis;
    }

    /** {@code flatten(start_dim=1, end_dim=-1)}. */
    @Override
    public String toString() {
        return "flatten(start_dim=" + startDim + ", end_dim=" + endDim + ")";
    }
}
