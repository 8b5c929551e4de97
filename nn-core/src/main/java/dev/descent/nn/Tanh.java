package dev.descent.nn;

import dev.descent.api.ElementwiseLayer;

/**
 * The hyperbolic tangent, element by element, as PyTorch's {@code nn.Tanh}. The derivative is written from
 * the output, {@code 1 - y²}, as PyTorch's {@code tanh_backward}.
 */
public final class Tanh extends ElementwiseLayer {

    public Tanh() {
        super("tanh");
    }

    @Override
    protected double value(double x) {
        return Math.tanh(x);
    }

    @Override
    protected double derivative(double x, double y) {
        return 1 - y * y;
    }
}
