package dev.descent.nn.merge;

import dev.descent.api.Tensor;
import java.util.List;

/**
 * The element-wise product of two or more inputs, as Keras's {@code Multiply}; shapes broadcast as
 * PyTorch's {@code a * b}, and the gradient of a broadcast input is summed over the axes it was stretched
 * along.
 */
public final class Multiply extends BroadcastMerge {

    public Multiply() {
        super("multiply");
    }

    @Override
    float combine(float y, float x) {
        return y * x;
    }

    /**
     * d/d(input i) is the output gradient times the product of the other inputs (not the output divided
     * by input i, which fails at 0), summed over the axes input i was broadcast along.
     */
    @Override
    public List<Tensor> backward(Tensor outputGradient) {
        int batch = checkBackward(outputGradient);
        float[] dY = outputGradient.array();
        int dyOffset = outputGradient.offset();
        int count = lastInputs.length;
        for (int i = 0; i < count; i++) {
            float[] dx = gradientBuffer(i, true).array();
            for (int n = 0; n < batch; n++) {
                int out = dyOffset + n * outputSize;
                for (int o = 0; o < outputSize; o++) {
                    float product = dY[out + o];
                    for (int j = 0; j < count; j++) {
                        if (j != i) {
                            Tensor other = lastInputs[j];
                            product *= other.array()[at(j, other.offset() + n * inputSizes[j], o)];
                        }
                    }
                    dx[at(i, n * inputSizes[i], o)] += product;
                }
            }
        }
        return gradients();
    }

    @Override
    public String toString() {
        return "multiply";
    }
}
