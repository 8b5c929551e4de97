package dev.descent.nn.merge;

import dev.descent.api.Shapes;
import java.util.List;

/**
 * Broadcasting of per-example shapes as PyTorch's: shapes are aligned at their last axis, and an axis of
 * length 1 (or a missing leading one) stretches to the other's length. The batch axis is never broadcast.
 */
final class Broadcast {
    private Broadcast() {}

    /**
     * The broadcast of {@code shapes}.
     *
     * @throws IllegalArgumentException naming the layer, the inputs and the axis that do not broadcast
     */
    static int[] shape(String layer, List<int[]> shapes) {
        int rank = 0;
        for (int[] shape : shapes) {
            rank = Math.max(rank, shape.length);
        }
        int[] result = new int[rank];
        java.util.Arrays.fill(result, 1);
        for (int i = 0; i < shapes.size(); i++) {
            int[] shape = shapes.get(i);
            for (int k = 1; k <= shape.length; k++) {
                int dim = shape[shape.length - k];
                int have = result[rank - k];
                if (dim == have || dim == 1) {
                    continue;
                }
                if (have != 1) {
                    throw new IllegalArgumentException(layer + ": per-example input shapes " + describe(shapes)
                            + " do not broadcast: input " + i + " has " + dim + " at axis -" + k + " where an"
                            + " earlier input has " + have + "; lengths must be equal or 1 (as in PyTorch)");
                }
                result[rank - k] = dim;
            }
        }
        return result;
    }

    /**
     * For each position of one example of shape {@code out}, the position of the element of an input of
     * shape {@code in} broadcast to it; null when the shapes have the same size, so the map is the identity.
     */
    static int[] indexMap(int[] in, int[] out) {
        if (Shapes.size(in) == Shapes.size(out)) {
            return null;
        }
        int size = (int) Shapes.size(out);
        int[] map = new int[size];
        int[] inStrides = new int[out.length];
        int stride = 1;
        for (int k = 1; k <= in.length; k++) {
            int axis = out.length - k;
            inStrides[axis] = in[in.length - k] == 1 ? 0 : stride;
            stride *= in[in.length - k];
        }
        int[] index = new int[out.length];
        int position = 0;
        for (int o = 0; o < size; o++) {
            map[o] = position;
            for (int axis = out.length - 1; axis >= 0; axis--) {
                index[axis]++;
                position += inStrides[axis];
                if (index[axis] < out[axis]) {
                    break;
                }
                position -= inStrides[axis] * index[axis];
                index[axis] = 0;
            }
        }
        return map;
    }

    static String describe(List<int[]> shapes) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < shapes.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(Shapes.toString(shapes.get(i)));
        }
        return text.toString();
    }
}
