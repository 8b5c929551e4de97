package dev.descent.nn;

import dev.descent.api.ElementwiseLayer;

/**
 * Softplus, {@code y = log(1 + e^(beta x)) / beta}, element by element, and {@code y = x} where
 * {@code beta x > threshold}, as PyTorch's {@code nn.Softplus}; the derivative is {@code sigmoid(beta x)}, and
 * 1 above the threshold, as PyTorch's {@code softplus_backward}.
 *
 * <p>Below the threshold the value is computed as {@code max(z, 0) + log1p(e^-|z|)} with {@code z = beta x},
 * equal to {@code log1p(e^z)} but without overflow, so a large threshold gives finite values where PyTorch's
 * float {@code exp} would give infinity. PyTorch takes any beta; Descent takes beta > 0 (0 divides by zero).
 */
public final class Softplus extends ElementwiseLayer {
    /** PyTorch's defaults. */
    public static final double DEFAULT_BETA = 1.0;
    public static final double DEFAULT_THRESHOLD = 20.0;

    private final double beta;
    private final double threshold;

    /**
     * @param beta the sharpness, {@code > 0}
     * @param threshold above which {@code beta x} the layer is the identity; any number
     * @throws IllegalArgumentException for a beta that is not finite and above 0, or a NaN threshold
     */
    public Softplus(double beta, double threshold) {
        super("softplus");
        if (!(beta > 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("softplus: beta must be a finite number > 0, got '"
                    + Activations.format(beta) + "'");
        }
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("softplus: threshold must be a number, got 'nan'");
        }
        this.beta = beta;
        this.threshold = threshold;
    }

    @Override
    protected double value(double x) {
        double z = beta * x;
        if (z > threshold) {
            return x;
        }
        return (Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)))) / beta;
    }

    @Override
    protected double derivative(double x, double y) {
        double z = beta * x;
        return z > threshold ? 1 : Sigmoid.sigmoid(z);
    }

    /** {@code softplus(beta=1.0, threshold=20.0)}. */
    @Override
    public String toString() {
        return name() + "(beta=" + Activations.format(beta) + ", threshold=" + Activations.format(threshold) + ")";
    }
}
