package dev.descent.loss;

import dev.descent.api.Shapes;
import dev.descent.api.Tensor;
import java.util.Arrays;

/**
 * Checks of the losses' inputs that more than one loss makes, with messages that name the loss and quote
 * the offending element by its full index and value; and that formatting, for the checks a loss makes alone.
 */
final class InputChecks {
    private InputChecks() {}

    /** The full index of a flat position in a row-major shape: {@code [1, 2]} for 5 in {@code [2, 3]}. */
    static String index(int flat, int[] shape) {
        int[] coordinates = new int[shape.length];
        int rest = flat;
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            coordinates[axis] = shape[axis] == 0 ? 0 : rest % shape[axis];
            rest = shape[axis] == 0 ? 0 : rest / shape[axis];
        }
        return Arrays.toString(coordinates);
    }

    /** A float as messages quote it: {@code '0.5'}, {@code '2'}. */
    static String quote(float value) {
        return value == Math.rint(value) && Math.abs(value) < 1e7 ? "'" + (long) value + "'" : "'" + value + "'";
    }

    /**
     * Checks that every target is -1 or 1.
     *
     * @throws IllegalArgumentException naming the loss, the first offending index and its value
     */
    static void requireSigns(String loss, Tensor targets) {
        float[] t = targets.data();
        for (int i = 0; i < t.length; i++) {
            if (t[i] != 1 && t[i] != -1) {
                throw new IllegalArgumentException(loss + ": target at " + index(i, targets.shape()) + " is "
                        + quote(t[i]) + "; targets must be -1 or 1");
            }
        }
    }

    /**
     * The class index a target holds, checked to be an integer in [0, classes). Losses with an
     * {@code ignore_index} read theirs with {@link ClassAxis#classIndex}.
     *
     * @throws IllegalArgumentException naming the loss, the index and the value
     */
    static int classIndex(String loss, Tensor targets, int flat, int classes) {
        float value = targets.data()[flat];
        if (value != Math.rint(value)) {
            throw new IllegalArgumentException(loss + ": target at " + index(flat, targets.shape()) + " is "
                    + quote(value) + ", not a class index; expected an integer in [0, " + classes + ")");
        }
        if (value < 0 || value >= classes) {
            throw new IllegalArgumentException(loss + ": target at " + index(flat, targets.shape()) + " is class "
                    + quote(value) + ", outside [0, " + classes + ") for predictions with " + classes + " classes");
        }
        return (int) value;
    }

    /**
     * Checks that a per-class weight list, when given, has one weight per class.
     *
     * @throws IllegalArgumentException naming the loss, both lengths and the predictions' shape
     */
    static void requireClassWeights(String loss, double[] weight, Tensor predictions, int classes) {
        if (weight != null && weight.length != classes) {
            throw new IllegalArgumentException(loss + ": weight has " + weight.length + " elements but predictions"
                    + " of shape " + Shapes.toString(predictions.shape()) + " have " + classes + " classes; give one"
                    + " weight per class");
        }
    }

    /**
     * Checks that a weight list broadcasts over the last axis of the predictions, as PyTorch broadcasts a
     * 1-D weight: one value per element of the last axis, or a single value.
     *
     * @throws IllegalArgumentException naming the loss, the parameter, its length and the predictions' shape
     */
    static void requireLastAxisWeights(String loss, String parameter, double[] weight, Tensor predictions) {
        if (weight == null || weight.length == 1) {
            return;
        }
        int last = predictions.rank() == 0 ? 1 : predictions.dim(-1);
        if (weight.length != last) {
            throw new IllegalArgumentException(loss + ": " + parameter + " has " + weight.length + " elements but"
                    + " predictions of shape " + Shapes.toString(predictions.shape()) + " have " + last + " on the"
                    + " last axis; give one value per element of the last axis, or a single value");
        }
    }

    /**
     * An error for a value that must be non-negative: {@code poisson_nll: target at [1, 2] is '-1.0';
     * targets must be non-negative (counts or rates)}. The value is quoted as Java prints a float, not
     * as {@link #quote} does, as these messages always were.
     */
    static IllegalArgumentException negative(String loss, String what, int flat, int[] shape, float value,
            String valid) {
        return new IllegalArgumentException(loss + ": " + what + " at " + index(flat, shape) + " is '" + value
                + "'; " + valid);
    }
}
