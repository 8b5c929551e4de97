package dev.descent.nn;

import dev.descent.api.ElementwiseLayer;

/**
 * The exponential linear unit of Clevert et al. (2015), {@code y = x} for {@code x > 0} and
 * {@code alpha · (e^x - 1)} otherwise, element by element, as PyTorch's {@code nn.ELU}. The derivative is
 * PyTorch's {@code elu_backward} on the input: {@code alpha · e^x} for {@code x <= 0}, 1 above; NaN stays NaN.
 * {@code e^x - 1} is computed as {@code expm1(x)}, exact near 0.
 */
public final class Elu extends ElementwiseLayer {
    /** PyTorch's default alpha. */
    public static final double DEFAULT_ALPHA = 1.0;

    private final double alpha;

    /** @param alpha the value approached as x goes to minus infinity is {@code -alpha}; any finite number */
    public Elu(double alpha) {
        super("elu");
        this.alpha = Activations.finite(name(), "alpha", alpha);
    }

    @Override
    protected double value(double x) {
        return x <= 0 ? alpha * Math.expm1(x) : x;
    }

    @Override
    protected double derivative(double x, double y) {
        return x <= 0 ? alpha * Math.exp(x) : 1;
    }

    /** {@code elu(alpha=1.0)}. */
    @Override
    public String toString() {
        return name() + "(alpha=" + Activations.format(alpha) + ")";
    }
}
