package dev.descent.api;

import java.util.Arrays;

/** Shape arithmetic and the wording of shape errors, shared by losses, layers and kernels. */
public final class Shapes {
    private Shapes() {}

    /** {@code [2, 3]}; a scalar is {@code []}. */
    public static String toString(int[] shape) {
        return Arrays.toString(shape);
    }

    /**
     * The number of elements a shape holds.
     *
     * @throws IllegalArgumentException if that number does not fit in a {@code long}
     */
    public static long size(int[] shape) {
        long size = 1;
        for (int dim : shape) {
            if (dim == 0) {
                return 0;
            }
        }
        try {
            for (int dim : shape) {
                size = Math.multiplyExact(size, dim);
            }
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("shape " + toString(shape) + " holds more elements than a long can count");
        }
        return size;
    }

    /**
     * Checks that a loss's predictions and targets have the same shape.
     *
     * @throws IllegalArgumentException naming the loss and both shapes
     */
    public static void requireSameShape(String loss, Tensor predictions, Tensor targets) {
        // hasShapeOf, not shape(): these checks run on every call of a loss, and shape() copies.
        if (!predictions.hasShapeOf(targets)) {
            throw new IllegalArgumentException(loss + ": predictions of shape " + toString(predictions.shape())
                    + " do not match targets of shape " + toString(targets.shape())
                    + "; both must have the same shape");
        }
    }

    /**
     * Checks that a gradient buffer, when given, has the shape of the predictions.
     *
     * @throws IllegalArgumentException naming the loss and both shapes
     */
    public static void requireGradientShape(String loss, Tensor predictions, Tensor gradient) {
        if (gradient != null && !predictions.hasShapeOf(gradient)) {
            throw new IllegalArgumentException(loss + ": gradient buffer of shape " + toString(gradient.shape())
                    + " does not match predictions of shape " + toString(predictions.shape()));
        }
    }

    /**
     * The checks at the start of a layer's backward: that there was a training forward, and that the output
     * gradient has the shape of that forward's output.
     *
     * @param layer the layer's name, for messages
     * @param trainingOutputShape the full shape of the last training forward's output; null if there was none
     *     (or an inference forward came after it)
     * @throws IllegalStateException if {@code trainingOutputShape} is null
     * @throws IllegalArgumentException naming the layer and both shapes
     */
    public static void requireBackward(String layer, int[] trainingOutputShape, Tensor outputGradient) {
        if (trainingOutputShape == null) {
            throw new IllegalStateException(layer + ": backward called without a training forward; call"
                    + " forward(input, Pass.training(random)) first");
        }
        if (!Arrays.equals(outputGradient.shapeView(), trainingOutputShape)) {
            throw new IllegalArgumentException(layer + ": output gradient of shape "
                    + toString(outputGradient.shapeView()) + " does not match the output of the last"
                    + " training forward, shape " + toString(trainingOutputShape));
        }
    }
}
