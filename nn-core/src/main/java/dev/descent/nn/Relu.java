package dev.descent.nn;

import static java.util.Objects.requireNonNull;

import dev.descent.api.BatchBuffer;
import dev.descent.api.Layer;
import dev.descent.api.Pass;
import dev.descent.api.Shapes;
import dev.descent.api.Tensor;

/**
 * The rectified linear unit, {@code y = max(0, x)} element by element, on inputs of any shape; as
 * PyTorch's {@code nn.ReLU}, NaN stays NaN.
 *
 * <p>The gradient follows PyTorch's {@code threshold_backward(grad, result, 0)}: it is passed where the
 * output is above 0 and is 0 elsewhere, so it is 0 at exactly {@code x = 0}; where the output is NaN
 * ({@code NaN <= 0} is false) it is passed through.
 *
 * <p>{@link #backward} uses the output of the last training {@link #forward}, kept by reference: the
 * caller must not modify it in between.
 */
public final class Relu implements Layer {
    /** The output of the last training forward, which backward needs; null before one. */
    private Tensor lastOutput;
    private final BatchBuffer output = new BatchBuffer();
    private final BatchBuffer inputGradient = new BatchBuffer();

    @Override
    public int[] outputShape(int[] inputShape) {
        requireNonNull(inputShape, "inputShape is null");
        return inputShape.clone();
    }

    @Override
    public Tensor forward(Tensor input, Pass pass) {
        requireNonNull(input, "input is null");
        Tensor result = output.get(input.shapeView());
        float[] x = input.data();
        float[] y = result.data();
        for (int i = 0; i < x.length; i++) {
            // x <= 0 is false for NaN, so NaN passes through unchanged, as in PyTorch.
            y[i] = x[i] <= 0f ? 0f : x[i];
        }
        lastOutput = pass.training() ? result : null;
        return result;
    }

    /**
     * Passes {@code outputGradient} where the last training output was above 0 (or NaN), 0 elsewhere.
     *
     * @throws IllegalStateException if there was no training forward
     * @throws IllegalArgumentException if {@code outputGradient} does not have that forward's shape
     */
    @Override
    public Tensor backward(Tensor outputGradient, boolean needInputGradient) {
        requireNonNull(outputGradient, "outputGradient is null");
        if (lastOutput == null) {
            throw new IllegalStateException("relu: backward called without a training forward; call"
                    + " forward(input, Pass.training(random)) first");
        }
        if (!needInputGradient) {
            return null;
        }
        if (!outputGradient.hasShape(lastOutput.shapeView())) {
            throw new IllegalArgumentException("relu: output gradient of shape "
                    + Shapes.toString(outputGradient.shape()) + " does not match the output of the last"
                    + " training forward, shape " + Shapes.toString(lastOutput.shape()));
        }
        Tensor result = inputGradient.get(outputGradient.shapeView());
        float[] y = lastOutput.data();
        float[] dY = outputGradient.data();
        float[] dX = result.data();
        for (int i = 0; i < y.length; i++) {
            dX[i] = y[i] <= 0f ? 0f : dY[i];
        }
        return result;
    }

    @Override
    public String toString() {
        return "relu";
    }
}
