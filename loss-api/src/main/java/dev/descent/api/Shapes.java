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
}
