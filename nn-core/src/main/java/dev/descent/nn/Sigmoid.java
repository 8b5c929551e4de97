package dev.descent.nn;

import dev.descent.api.ElementwiseLayer;

/**
 * The logistic sigmoid, {@code y = 1 / (1 + e^-x)}, element by element, as PyTorch's {@code nn.Sigmoid}. The
 * derivative is written from the output, {@code y (1 - y)}, as PyTorch's {@code sigmoid_backward}.
 */
public final class Sigmoid extends ElementwiseLayer {

    public Sigmoid() {
        super("sigmoid");
    }

    /** {@code 1 / (1 + e^-x)}: e^-x overflows to infinity for very negative x, giving 0 as it should. */
    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    @Override
    protected double value(double x) {
        return sigmoid(x);
    }

    @Override
    protected double derivative(double x, double y) {
        return y * (1 - y);
    }
}
