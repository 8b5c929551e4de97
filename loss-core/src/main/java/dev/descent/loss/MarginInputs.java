package dev.descent.loss;

import dev.descent.api.Reduction;
import dev.descent.api.Shapes;
import dev.descent.api.Tensor;

/**
 * What the margin, ranking and similarity losses share: target validation with messages that name the
 * loss, the index and the value; the reduction of per-sample values; and the stable softplus and sigmoid.
 */
final class MarginInputs {
    private MarginInputs() {}

    /** The full index of a flat position in a row-major shape: {@code [1, 2]}. */
    static String index(int flat, int[] shape) {
        if (shape.length == 0) {
            return "[]";
        }
        int[] coordinates = new int[shape.length];
        int rest = flat;
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            coordinates[axis] = shape[axis] == 0 ? 0 : rest % shape[axis];
            rest = shape[axis] == 0 ? 0 : rest / shape[axis];
        }
        return java.util.Arrays.toString(coordinates);
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
     * The class index a target holds, checked to be an integer in [0, classes).
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

    /** Checks that a per-class weight list has one weight per class. */
    static void requireClassWeights(String loss, double[] weight, Tensor predictions, int classes) {
        if (weight != null && weight.length != classes) {
            throw new IllegalArgumentException(loss + ": weight has " + weight.length + " elements but predictions of"
                    + " shape " + Shapes.toString(predictions.shape()) + " have " + classes + " classes; give one"
                    + " weight per class");
        }
    }

    /** The reduced loss from the sum of {@code n} per-sample values: the mean divides, sum and none do not. */
    static double reduce(Reduction reduction, double sum, int n) {
        return reduction == Reduction.MEAN ? sum / n : sum;
    }

    /** The factor of each per-sample gradient: 1 / n for the mean, 1 for sum and none. */
    static double gradientScale(Reduction reduction, int n) {
        return reduction == Reduction.MEAN ? 1.0 / n : 1.0;
    }

    /** {@code log(1 + exp(u))} without overflow: {@code max(u, 0) + log1p(exp(-|u|))}. */
    static double softplus(double u) {
        return Math.max(u, 0) + Math.log1p(Math.exp(-Math.abs(u)));
    }

    /** {@code 1 / (1 + exp(-u))} without overflow, the derivative of {@link #softplus}. */
    static double sigmoid(double u) {
        if (u >= 0) {
            return 1 / (1 + Math.exp(-u));
        }
        double e = Math.exp(u);
        return e / (1 + e);
    }
}
