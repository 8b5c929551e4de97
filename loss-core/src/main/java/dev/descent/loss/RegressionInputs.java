package dev.descent.loss;

import java.util.Arrays;

/** Checks of the regression losses' inputs, with messages that name the loss, the index and the value. */
final class RegressionInputs {
    private RegressionInputs() {}

    /**
     * The full index of a flat (row-major) index: {@code [1, 2]} for flat index 5 of shape {@code [2, 3]}.
     */
    static String index(int flat, int[] shape) {
        int[] index = new int[shape.length];
        int rest = flat;
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            if (shape[axis] > 0) {
                index[axis] = rest % shape[axis];
                rest /= shape[axis];
            }
        }
        return Arrays.toString(index);
    }

    /**
     * An error for a value that must be non-negative: {@code poisson_nll: target at [1, 2] is '-1.0';
     * targets must be non-negative (counts or rates)}.
     */
    static IllegalArgumentException negative(String loss, String what, int flat, int[] shape, float value,
            String valid) {
        return new IllegalArgumentException(loss + ": " + what + " at " + index(flat, shape) + " is '" + value
                + "'; " + valid);
    }
}
