package dev.descent.nn;

import dev.descent.api.ElementwiseLayer;

/**
 * The leaky rectified linear unit, {@code y = x} for {@code x > 0} and {@code negative_slope · x} otherwise,
 * element by element, as PyTorch's {@code nn.LeakyReLU}. The slope at exactly 0 is {@code negative_slope}, as
 * PyTorch's {@code leaky_relu_backward} ({@code x > 0 ? grad : grad · negative_slope}); NaN stays NaN.
 */
public final class LeakyRelu extends ElementwiseLayer {
    /** PyTorch's default negative slope. */
    public static final double DEFAULT_NEGATIVE_SLOPE = 0.01;

    private final double negativeSlope;

    /** @param negativeSlope the slope below 0; any finite number, as PyTorch takes */
    public LeakyRelu(double negativeSlope) {
        super("leaky_relu");
        this.negativeSlope = Activations.finite(name(), "negative_slope", negativeSlope);
    }

    @Override
    protected double value(double x) {
        return x > 0 ? x : x * negativeSlope;
    }

    @Override
    protected double derivative(double x, double y) {
        return x > 0 ? 1 : negativeSlope;
    }

    /** {@code leaky_relu(negative_slope=0.01)}. */
    @Override
    public String toString() {
        return name() + "(negative_slope=" + Activations.format(negativeSlope) + ")";
    }
}
