package dev.descent.nn;

import dev.descent.api.ElementwiseLayer;

/**
 * The sigmoid-weighted linear unit (swish), {@code y = x · sigmoid(x)}, element by element, as PyTorch's
 * {@code nn.SiLU}; derivative {@code s (1 + x (1 - s))} with {@code s = sigmoid(x)}, as PyTorch's
 * {@code silu_backward}.
 */
public final class Silu extends ElementwiseLayer {

    public Silu() {
        super("silu");
    }

    @Override
    protected double value(double x) {
        return x * Sigmoid.sigmoid(x);
    }

    @Override
    protected double derivative(double x, double y) {
        double s = Sigmoid.sigmoid(x);
        return s * (1 + x * (1 - s));
    }
}
