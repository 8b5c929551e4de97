package dev.descent.nn.merge;

import dev.descent.api.Shapes;
import java.util.List;

/**
 * Joins two or more inputs along an existing axis, as {@code torch.cat(inputs, dim)} and Keras's
 * {@code Concatenate(axis)}; {@code dim} counts the batch as axis 0, negative values count from the end
 * (default -1, the last axis), and the batch axis itself cannot be joined. The inputs must agree on every
 * other axis.
 */
public final class Concat extends Join {
    public Concat(int dim) {
        super("concat", dim);
    }

    @Override
    int[] computeOutputShape(List<int[]> inputShapes) {
        int[] first = inputShapes.get(0);
        int axis = resolve(dim, first.length + 1, inputShapes) - 1;
        int[] result = first.clone();
        for (int i = 1; i < inputShapes.size(); i++) {
            int[] shape = inputShapes.get(i);
            boolean fits = shape.length == first.length;
            for (int k = 0; fits && k < shape.length; k++) {
                fits = k == axis || shape[k] == first[k];
            }
            if (!fits) {
                throw new IllegalArgumentException("concat: input " + i + " of per-example shape "
                        + Shapes.toString(shape) + " does not fit input 0 of shape " + Shapes.toString(first)
                        + " (inputs " + Broadcast.describe(inputShapes) + "); all must have the same rank and"
                        + " agree on every axis but dim=" + dim);
            }
            result[axis] += shape[axis];
        }
        return result;
    }

    @Override
    int splitAxis(int perExampleRank) {
        return dim < 0 ? dim + perExampleRank + 1 : dim;
    }

    @Override
    public String toString() {
        return "concat(dim=" + dim + ")";
    }
}
