package dev.descent.nn.merge;

import dev.descent.api.Shapes;
import java.util.List;

/** An element-wise merge of inputs whose per-example shapes broadcast ({@link Broadcast}). */
abstract class BroadcastMerge extends AbstractMergeLayer {
    /** Per input, the map from output positions to its own within one example; null for the identity. */
    int[][] maps;
    /** Per input, the elements of one example. */
    int[] inputSizes;
    int outputSize;

    BroadcastMerge(String name) {
        super(name, 2, Integer.MAX_VALUE);
    }

    @Override
    final int[] computeOutputShape(List<int[]> inputShapes) {
        return Broadcast.shape(name(), inputShapes);
    }

    @Override
    final void plan(int[][] inputShapes, int[] outputShape) {
        maps = new int[inputShapes.length][];
        inputSizes = new int[inputShapes.length];
        for (int i = 0; i < inputShapes.length; i++) {
            maps[i] = Broadcast.indexMap(inputShapes[i], outputShape);
            inputSizes[i] = (int) Shapes.size(inputShapes[i]);
        }
        outputSize = (int) Shapes.size(outputShape);
    }

    /** Where element {@code o} of example {@code n} of the output lies in input {@code i}'s array. */
    final int at(int i, int base, int o) {
        int[] map = maps[i];
        return base + (map == null ? o : map[o]);
    }
}
