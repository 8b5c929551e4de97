package org.acme.descent.mish;

import dev.descent.api.ElementwiseLayer;

/**
 * The mish activation of Misra, "Mish: A Self Regularized Non-Monotonic Activation Function" (2019),
 * element by element on inputs of any shape: {@code y = x tanh(softplus(x))}, with
 * {@code softplus(x) = ln(1 + e^x)}, as PyTorch's {@code nn.Mish}.
 *
 * <p>Written as its function and derivative on the API's {@link ElementwiseLayer}, which does the rest: the
 * shapes, the reused output and gradient tensors, what backward needs, and the error messages.
 *
 * <p>Softplus is computed as {@code log1p(exp(x))}, exact for small and very negative x, and as x itself
 * above 20, PyTorch's softplus threshold, where the two differ by less than {@code e^-20} and
 * {@code exp} would soon overflow. The derivative is exact:
 * {@code dy/dx = tanh(sp) + x sigmoid(x) (1 - tanh(sp)^2)}, since {@code d softplus / dx = sigmoid(x)}.
 * Values are computed in double and rounded to float; NaN stays NaN.
 */
public final class Mish extends ElementwiseLayer {
    /** The canonical name, as written in specs. */
    public static final String NAME = "mish";

    /** PyTorch's softplus threshold: above it softplus(x) is x. */
    static final double SOFTPLUS_THRESHOLD = 20;

    public Mish() {
        super(NAME);
    }

    /** {@code ln(1 + e^x)}, stable for every x. */
    static double softplus(double x) {
        return x > SOFTPLUS_THRESHOLD ? x : Math.log1p(Math.exp(x));
    }

    /** {@code x tanh(softplus(x))}. */
    @Override
    protected double value(double x) {
        return x * Math.tanh(softplus(x));
    }

    /** {@code d mish / dx}, from the input alone. */
    @Override
    protected double derivative(double x, double y) {
        double t = Math.tanh(softplus(x));
        // 1 / (1 + e^-x): exp overflows to infinity for very negative x, giving 0 as it should.
        double sigmoid = 1 / (1 + Math.exp(-x));
        return t + x * sigmoid * (1 - t * t);
    }
}
