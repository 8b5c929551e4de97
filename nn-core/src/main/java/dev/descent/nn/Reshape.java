package dev.descent.nn;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Shapes;
import java.util.Arrays;

/**
 * Gives each example a new shape with the same number of elements, as Keras's {@code Reshape(target_shape)}
 * or PyTorch's {@code x.view(N, *shape)}: the shape is per example (the batch axis is kept), and one of its
 * dimensions may be -1, inferred from the others. The output is a view of the input (see
 * {@link ReshapingLayer}).
 */
public final class Reshape extends ReshapingLayer {
    private final int[] shape;
    /** Where the -1 is, or -1 when there is none. */
    private final int inferred;

    /**
     * @param shape the per-example target shape: dimensions {@code >= 0}, at most one -1
     * @throws IllegalArgumentException for a dimension below -1 or a second -1
     */
    public Reshape(int... shape) {
        super("reshape");
        this.shape = requireNonNull(shape, "shape is null").clone();
        int found = -1;
        for (int axis = 0; axis < shape.length; axis++) {
            if (shape[axis] == -1) {
                if (found >= 0) {
                    throw new IllegalArgumentException("reshape: shape " + Shapes.toString(shape) + " has more than"
                            + " one -1; only one dimension can be inferred");
                }
                found = axis;
            } else if (shape[axis] < -1) {
                throw new IllegalArgumentException("reshape: shape " + Shapes.toString(shape) + " has the dimension "
                        + shape[axis] + "; dimensions must be >= 0, or -1 for the one to infer");
            }
        }
        this.inferred = found;
    }

    /** The target shape as given, -1 included. */
    public int[] shape() {
        return shape.clone();
    }

    /**
     * @throws IllegalArgumentException if the examples do not hold as many elements as the target shape
     */
    @Override
    public int[] outputShape(int[] inputShape) {
        requireNonNull(inputShape, "inputShape is null");
        long elements = Shapes.size(inputShape);
        int[] output = shape.clone();
        long known = 1;
        for (int axis = 0; axis < shape.length; axis++) {
            if (axis != inferred) {
                known *= shape[axis];
            }
        }
        if (inferred >= 0) {
            if (known == 0 || elements % known != 0) {
                throw mismatch(inputShape, elements, known == 0
                        ? "the -1 cannot be inferred next to a dimension of 0"
                        : elements + " is not a multiple of " + known);
            }
            output[inferred] = (int) (elements / known);
        } else if (known != elements) {
            throw mismatch(inputShape, elements, "the target holds " + known);
        }
        return output;
    }

    private IllegalArgumentException mismatch(int[] inputShape, long elements, String why) {
        return new IllegalArgumentException("reshape: cannot reshape examples of shape " + Shapes.toString(inputShape)
                + " (" + elements + " elements) to " + Shapes.toString(shape) + ": " + why + "; the target shape must"
                + " hold as many elements as an example");
    }

    /** {@code reshape(shape=[2, -1])}. */
    @Override
    public String toString() {
        return "reshape(shape=" + Arrays.toString(shape) + ")";
    }
}
