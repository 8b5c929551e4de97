package dev.descent.nn;

import dev.descent.api.ElementwiseLayer;

/**
 * The rectified linear unit, {@code y = max(0, x)} element by element, on inputs of any shape; as
 * PyTorch's {@code nn.ReLU}, NaN stays NaN.
 *
 * <p>The gradient follows PyTorch's {@code threshold_backward(grad, result, 0)}: it is passed where the
 * output is above 0 and is 0 elsewhere, so it is 0 at exactly {@code x = 0}; where the output is NaN
 * ({@code NaN <= 0} is false) it is passed through.
 */
public final class Relu extends ElementwiseLayer {

    public Relu() {
        super("relu");
    }

    @Override
    protected double value(double x) {
        // x <= 0 is false for NaN, so NaN passes through unchanged, as in PyTorch.
        return x <= 0 ? 0 : x;
    }

    @Override
    protected double derivative(double x, double y) {
        return y <= 0 ? 0 : 1;
    }
}
