package dev.descent.loss;

import static dev.descent.loss.InputChecks.index;
import static dev.descent.loss.InputChecks.quote;

import dev.descent.api.Shapes;
import dev.descent.api.Tensor;
import java.util.Arrays;

/**
 * Predictions with classes on axis 1, {@code [N, C, d1, ...]} (or {@code [C]} for one sample), seen as
 * {@code outer × classes × inner}: element (n, c, s) lies at {@code (n · classes + c) · inner + s}.
 *
 * @param outer N, 1 for predictions {@code [C]}
 * @param classes C
 * @param inner the product of d1, ..., 1 when there are none
 * @param probabilities whether the targets are probabilities of the predictions' shape rather than indices
 * @param positionShape the shape of one value per (n, s): the predictions' shape without axis 1, which is
 *     also the shape of index targets and of the unreduced values
 */
record ClassAxis(int outer, int classes, int inner, boolean probabilities, int[] positionShape) {
    /** What {@link #classIndex} returns for a target equal to {@code ignore_index}. */
    static final int IGNORED = -1;

    /**
     * The layout of predictions with classes on axis 1 and the kind of targets: class indices of the
     * predictions' shape without axis 1, or (when {@code probabilitiesAllowed}) probabilities of the
     * predictions' shape.
     *
     * @throws IllegalArgumentException naming the loss and both shapes when they do not fit
     */
    static ClassAxis of(String loss, Tensor predictions, Tensor targets, boolean probabilitiesAllowed) {
        int[] shape = predictions.shape();
        if (shape.length == 0) {
            throw new IllegalArgumentException(loss + ": predictions of shape [] have no class axis; expected scores"
                    + " of shape [N, C], [N, C, d1, ...] or [C] (with targets of shape "
                    + Shapes.toString(targets.shape()) + ")");
        }
        int classAxis = shape.length == 1 ? 0 : 1;
        int[] positionShape = new int[shape.length - 1];
        for (int axis = 0, to = 0; axis < shape.length; axis++) {
            if (axis != classAxis) {
                positionShape[to++] = shape[axis];
            }
        }
        int classes = shape[classAxis];
        int outer = shape.length == 1 ? 1 : shape[0];
        int inner = 1;
        for (int axis = 2; axis < shape.length; axis++) {
            inner *= shape[axis];
        }
        int[] targetShape = targets.shape();
        if (Arrays.equals(targetShape, positionShape)) {
            return new ClassAxis(outer, classes, inner, false, positionShape);
        }
        if (probabilitiesAllowed && Arrays.equals(targetShape, shape)) {
            return new ClassAxis(outer, classes, inner, true, positionShape);
        }
        throw new IllegalArgumentException(loss + ": predictions of shape " + Shapes.toString(shape)
                + " do not match targets of shape " + Shapes.toString(targetShape) + "; expected targets of class"
                + " indices of shape " + Shapes.toString(positionShape)
                + (probabilitiesAllowed ? " or of class probabilities of shape " + Shapes.toString(shape) : "")
                + " (classes on axis " + classAxis + ")");
    }

    /** The number of (n, s) positions, each with one loss value. */
    int positions() {
        return outer * inner;
    }

    /** The flat offset of class 0 at position {@code position} = n · inner + s; the classes follow every inner. */
    int base(int position) {
        int n = position / inner;
        int s = position - n * inner;
        return n * classes * inner + s;
    }

    /**
     * The class index the index target at {@code position} holds, or {@link #IGNORED} when it equals
     * {@code ignoreIndex}.
     *
     * @throws IllegalArgumentException naming the loss, the target's full index and its value when it is not
     *     an integer in [0, classes) nor the ignore index
     */
    int classIndex(String loss, Tensor targets, int position, int ignoreIndex) {
        float value = targets.data()[position];
        if (value == ignoreIndex) {
            return IGNORED;
        }
        if (value != Math.rint(value)) {
            throw new IllegalArgumentException(loss + ": target at " + index(position, targets.shape()) + " is "
                    + quote(value) + ", not a class index; expected an integer in [0, " + classes + ") or the"
                    + " ignore_index '" + ignoreIndex + "'");
        }
        if (value < 0 || value >= classes) {
            throw new IllegalArgumentException(loss + ": target at " + index(position, targets.shape()) + " is class "
                    + quote(value) + ", outside [0, " + classes + ") for predictions with " + classes + " classes;"
                    + " expected a class index in [0, " + classes + ") or the ignore_index '" + ignoreIndex + "'");
        }
        return (int) value;
    }
}
