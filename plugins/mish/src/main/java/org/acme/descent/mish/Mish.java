package org.acme.descent.mish;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Layer;
import dev.descent.api.Pass;
import dev.descent.api.Shapes;
import dev.descent.api.Tensor;

/**
 * The mish activation of Misra, "Mish: A Self Regularized Non-Monotonic Activation Function" (2019),
 * element by element on inputs of any shape: {@code y = x tanh(softplus(x))}, with
 * {@code softplus(x) = ln(1 + e^x)}, as PyTorch's {@code nn.Mish}.
 *
 * <p>Softplus is computed as {@code log1p(exp(x))}, exact for small and very negative x, and as x itself
 * above 20, PyTorch's softplus threshold, where the two differ by less than {@code e^-20} and
 * {@code exp} would soon overflow. The derivative is exact:
 * {@code dy/dx = tanh(sp) + x sigmoid(x) (1 - tanh(sp)^2)}, since {@code d softplus / dx = sigmoid(x)}.
 * Values are computed in double and rounded to float; NaN stays NaN.
 *
 * <p>{@link #backward} uses the input of the last training {@link #forward}, kept by reference: the
 * caller must not modify it in between.
 */
public final class Mish implements Layer {
    /** The canonical name, as written in specs. */
    public static final String NAME = "mish";

    /** PyTorch's softplus threshold: above it softplus(x) is x. */
    static final double SOFTPLUS_THRESHOLD = 20;

    /** The input of the last training forward, which backward needs; null before one. */
    private Tensor lastInput;

    /** {@code ln(1 + e^x)}, stable for every x. */
    static double softplus(double x) {
        return x > SOFTPLUS_THRESHOLD ? x : Math.log1p(Math.exp(x));
    }

    /** {@code x tanh(softplus(x))}. */
    static double value(double x) {
        return x * Math.tanh(softplus(x));
    }

    /** {@code d mish / dx}. */
    static double derivative(double x) {
        double t = Math.tanh(softplus(x));
        // 1 / (1 + e^-x): exp overflows to infinity for very negative x, giving 0 as it should.
        double sigmoid = 1 / (1 + Math.exp(-x));
        return t + x * sigmoid * (1 - t * t);
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        requireNonNull(inputShape, "inputShape is null");
        return inputShape.clone();
    }

    @Override
    public Tensor forward(Tensor input, Pass pass) {
        requireNonNull(input, "input is null");
        Tensor output = Tensor.zerosLike(input);
        float[] x = input.data();
        float[] y = output.data();
        for (int i = 0; i < x.length; i++) {
            y[i] = (float) value(x[i]);
        }
        lastInput = pass.training() ? input : null;
        return output;
    }

    /**
     * Multiplies {@code outputGradient} by mish's derivative at the last training input.
     *
     * @throws IllegalStateException if there was no training forward
     * @throws IllegalArgumentException if {@code outputGradient} does not have that forward's shape
     */
    @Override
    public Tensor backward(Tensor outputGradient, boolean needInputGradient) {
        requireNonNull(outputGradient, "outputGradient is null");
        if (lastInput == null) {
            throw new IllegalStateException(NAME + ": backward called without a training forward; call"
                    + " forward(input, Pass.training(random)) first");
        }
        if (!outputGradient.hasShape(lastInput.shape())) {
            throw new IllegalArgumentException(NAME + ": output gradient of shape "
                    + Shapes.toString(outputGradient.shape()) + " does not match the output of the last"
                    + " training forward, shape " + Shapes.toString(lastInput.shape()));
        }
        Tensor inputGradient = Tensor.zerosLike(outputGradient);
        float[] x = lastInput.data();
        float[] dY = outputGradient.data();
        float[] dX = inputGradient.data();
        for (int i = 0; i < x.length; i++) {
            dX[i] = (float) (dY[i] * derivative(x[i]));
        }
        return inputGradient;
    }

    @Override
    public String toString() {
        return NAME;
    }
}
