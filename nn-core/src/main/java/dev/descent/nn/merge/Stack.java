package dev.descent.nn.merge;

import dev.descent.api.Shapes;
import java.util.Arrays;
import java.util.List;

/**
 * Stacks two or more inputs of one shape along a new axis, as {@code torch.stack(inputs, dim)};
 * {@code dim} is the new axis's place in the output with the batch as axis 0 (default 1: [N, K, ...] for K
 * inputs of [N, ...]); negative values count from the end of the output's axes.
 */
public final class Stack extends Join {
    public Stack(int dim) {
        super("stack", dim);
    }

    @Override
    int[] computeOutputShape(List<int[]> inputShapes) {
        int[] first = inputShapes.get(0);
        int axis = resolve(dim, first.length + 2, inputShapes) - 1;
        for (int i = 1; i < inputShapes.size(); i++) {
            if (!Arrays.equals(inputShapes.get(i), first)) {
                throw new IllegalArgumentException("stack: input " + i + " has per-example shape "
                        + Shapes.toString(inputShapes.get(i)) + " but input 0 has " + Shapes.toString(first)
                        + " (inputs " + Broadcast.describe(inputShapes) + "); stacked inputs must have one shape");
            }
        }
        int[] result = new int[first.length + 1];
        System.arraycopy(first, 0, result, 0, axis);
        result[axis] = inputShapes.size();
        System.arraycopy(first, axis, result, axis + 1, first.length - axis);
        return result;
    }

    @Override
    int splitAxis(int perExampleRank) {
        return dim < 0 ? dim + perExampleRank + 2 : dim;
    }

    @Override
    public String toString() {
        return "stack(dim=" + dim + ")";
    }
}
