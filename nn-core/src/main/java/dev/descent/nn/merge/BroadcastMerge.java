package dev.descent.nn.merge;

import dev.descent.api.Pass;
import dev.descent.api.Shapes;
import dev.descent.api.Tensor;
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

    /** Folds one more input's element into the output's: {@code y + x} for add, {@code y * x} for multiply. */
    abstract float combine(float y, float x);

    /** The first input's element, then each further input's folded in with {@link #combine}, in input order. */
    @Override
    public final Tensor forward(List<Tensor> inputs, Pass pass) {
        Tensor result = prepare(inputs, pass);
        float[] y = result.array();
        int batch = result.shapeView()[0];
        int count = inputs.size();
        Tensor first = inputs.get(0);
        for (int n = 0; n < batch; n++) {
            int out = n * outputSize;
            int base = first.offset() + n * inputSizes[0];
            float[] x = first.array();
            for (int o = 0; o < outputSize; o++) {
                y[out + o] = x[at(0, base, o)];
            }
            for (int i = 1; i < count; i++) {
                Tensor input = inputs.get(i);
                x = input.array();
                base = input.offset() + n * inputSizes[i];
                for (int o = 0; o < outputSize; o++) {
                    y[out + o] = combine(y[out + o], x[at(i, base, o)]);
                }
            }
        }
        return result;
    }

    /** Where element {@code o} of example {@code n} of the output lies in input {@code i}'s array. */
    final int at(int i, int base, int o) {
        int[] map = maps[i];
        return base + (map == null ? o : map[o]);
    }
}
