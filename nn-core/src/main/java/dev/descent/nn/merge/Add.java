package dev.descent.nn.merge;

import dev.descent.api.Tensor;
import java.util.List;

/**
 * The element-wise sum of two or more inputs, as Keras's {@code Add}; shapes broadcast as PyTorch's
 * {@code a + b} (an axis of length 1 stretches), and the gradient of a broadcast input is summed over
 * the axes it was stretched along.
 */
public final class Add extends BroadcastMerge {

    public Add() {
        super("add");
    }

    @Override
    float combine(float y, float x) {
        return y + x;
    }

    /** Each input's gradient is the output gradient, summed over the axes that input was broadcast along. */
    @Override
    public List<Tensor> backward(Tensor outputGradient) {
        int batch = checkBackward(outputGradient);
        float[] dY = outputGradient.array();
        int dyOffset = outputGradient.offset();
        for (int i = 0; i < lastInputs.length; i++) {
            Tensor dX = gradientBuffer(i, maps[i] != null);
            float[] dx = dX.array();
            if (maps[i] == null) {
                System.arraycopy(dY, dyOffset, dx, 0, batch * outputSize);
                continue;
            }
            for (int n = 0; n < batch; n++) {
                int out = dyOffset + n * outputSize;
                int base = n * inputSizes[i];
                for (int o = 0; o < outputSize; o++) {
                    dx[at(i, base, o)] += dY[out + o];
                }
            }
        }
        return gradients();
    }

    @Override
    public String toString() {
        return "add";
    }
}
