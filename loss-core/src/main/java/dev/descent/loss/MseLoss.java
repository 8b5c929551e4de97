package dev.descent.loss;

import dev.descent.api.ElementwiseLoss;

import dev.descent.api.Reduction;

/**
 * Mean squared error, PyTorch's {@code MSELoss}: {@code (p - t)^2} per element, gradient {@code 2 (p - t)},
 * reduced as {@link ElementwiseLoss} says (mean by default).
 */
public final class MseLoss extends ElementwiseLoss {
    /** The canonical name, as written in specs. */
    public static final String NAME = "mse";

    /** The squared error reduced by {@code reduction}. */
    public MseLoss(Reduction reduction) {
        super(NAME, reduction);
    }

    /** The mean squared error, PyTorch's default reduction. */
    public MseLoss() {
        this(Reduction.MEAN);
    }

    /** For {@link RmseLoss}, whose errors must name it rather than mse. */
    MseLoss(String name, Reduction reduction) {
        super(name, reduction);
    }

    @Override
    protected double value(double prediction, double target) {
        double error = prediction - target;
        return error * error;
    }

    @Override
    protected double derivative(double prediction, double target) {
        return 2 * (prediction - target);
    }
}
