package dev.descent.nn.merge;

import dev.descent.api.Pass;
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
    public Tensor forward(List<Tensor> inputs, Pass pass) {
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
                    y[out + o] *= x[at(i, base, o)];
                }
            }
        }
        return result;
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
