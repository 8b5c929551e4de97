package dev.descent.loss.metric;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Shapes;
import dev.descent.api.Tensor;
import java.util.Arrays;

/** Checks and the wording of input errors, shared by the metrics. */
final class MetricInputs {
    private MetricInputs() {}

    /** The full index of a flat position: {@code 3} in a vector, {@code [3, 1]} in a matrix. */
    static String index(int[] shape, int flat) {
        if (shape.length <= 1) {
            return Integer.toString(flat);
        }
        int[] coordinates = new int[shape.length];
        int rest = flat;
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            coordinates[axis] = rest % shape[axis];
            rest /= shape[axis];
        }
        return Shapes.toString(coordinates);
    }

    /** {@code f1: target at index 3 is '2.5'; <valid>}. */
    static IllegalArgumentException invalidValue(String metric, String what, Tensor tensor, int flat, String valid) {
        return new IllegalArgumentException(metric + ": " + what + " at index " + index(tensor.shape(), flat) + " is '"
                + tensor.data()[flat] + "'; " + valid);
    }

    /** {@code predictions of shape [4, 3] and targets of shape [5]}. */
    static String shapes(Tensor predictions, Tensor targets) {
        return "predictions of shape " + Shapes.toString(predictions.shape()) + " and targets of shape "
                + Shapes.toString(targets.shape());
    }

    /** Refuses NaN anywhere in {@code tensor}, as scikit-learn does ("Input contains NaN"). */
    static void requireNoNaN(String metric, String what, Tensor tensor) {
        float[] data = tensor.data();
        for (int i = 0; i < data.length; i++) {
            if (Float.isNaN(data[i])) {
                throw invalidValue(metric, what, tensor, i, "a metric needs numbers (scikit-learn refuses NaN too)");
            }
        }
    }

    /** Refuses an element that is not exactly 0 or 1. */
    static void requireZeroOrOne(String metric, String what, Tensor tensor, String valid) {
        float[] data = tensor.data();
        for (int i = 0; i < data.length; i++) {
            if (data[i] != 0f && data[i] != 1f) {
                throw invalidValue(metric, what, tensor, i, valid);
            }
        }
    }

    /**
     * The class label at {@code flat}: a whole number in [0, classes), or at least 0 when {@code classes} is 0
     * (not known).
     */
    static int label(String metric, String what, Tensor tensor, int flat, int classes) {
        float value = tensor.data()[flat];
        boolean whole = value == Math.rint(value) && value >= 0;
        if (!whole || (classes > 0 && value >= classes)) {
            throw invalidValue(metric, what, tensor, flat, classes > 0
                    ? "class labels are whole numbers in [0, " + classes + ")"
                    : "class labels are whole numbers >= 0");
        }
        return (int) value;
    }

    /** A ranking cutoff {@code k}, refused below 1. */
    static int cutoff(String metric, int k) {
        if (k < 1) {
            throw new IllegalArgumentException(metric + ": k must be at least 1, got '" + k + "'");
        }
        return k;
    }

    /**
     * Refuses a batch whose width ({@code what}: classes, outputs) differs from the earlier batches'; {@code earlier}
     * is 0 before the first batch.
     */
    static void requireAlike(String metric, Tensor predictions, Tensor targets, String what, int width, int earlier) {
        if (earlier != 0 && width != earlier) {
            throw new IllegalArgumentException(metric + ": " + shapes(predictions, targets) + " have " + width + " "
                    + what + " but earlier batches had " + earlier + "; every batch must be alike until reset()");
        }
    }

    /**
     * Checks a regression batch against the earlier ones ({@code earlier} outputs, 0 before the first) and for NaN;
     * returns its number of outputs, as {@link #outputs}.
     */
    static int regressionBatch(String metric, Tensor predictions, Tensor targets, int earlier) {
        requireNonNull(predictions, "predictions is null");
        requireNonNull(targets, "targets is null");
        int outputs = outputs(metric, predictions, targets);
        requireAlike(metric, predictions, targets, "outputs", outputs, earlier);
        requireNoNaN(metric, "prediction", predictions);
        requireNoNaN(metric, "target", targets);
        return outputs;
    }

    /**
     * The number of outputs K of a regression batch: predictions and targets of one shape [N, ...] (K the product
     * of the trailing dimensions, 1 for [N]), or [N] against [N, 1], which scikit-learn also takes as one output.
     */
    static int outputs(String metric, Tensor predictions, Tensor targets) {
        int[] p = predictions.shape();
        int[] t = targets.shape();
        boolean oneColumn = p.length >= 1 && t.length >= 1 && p[0] == t[0]
                && ((p.length == 1 && t.length == 2 && t[1] == 1) || (p.length == 2 && p[1] == 1 && t.length == 1));
        if (p.length == 0 || !(Arrays.equals(p, t) || oneColumn)) {
            throw new IllegalArgumentException(metric + ": " + shapes(predictions, targets) + " do not fit; both must"
                    + " have one shape [N] or [N, K] (or be [N] and [N, 1])");
        }
        int outputs = 1;
        for (int axis = 1; axis < p.length; axis++) {
            outputs *= p[axis];
        }
        if (outputs == 0) {
            throw new IllegalArgumentException(metric + ": " + shapes(predictions, targets) + " have no outputs;"
                    + " every dimension after the first must be at least 1");
        }
        return outputs;
    }

    /**
     * The number of candidate items M of a ranking batch: predictions [N, M] of scores, not NaN, and targets [N, M]
     * of relevance, M at least 1.
     */
    static int rankingBatch(String metric, Tensor predictions, Tensor targets) {
        requireNonNull(predictions, "predictions is null");
        requireNonNull(targets, "targets is null");
        if (predictions.rank() != 2 || !predictions.hasShape(targets.shape()) || predictions.dim(1) == 0) {
            throw new IllegalArgumentException(metric + ": takes predictions [N, M] of scores over M candidate items"
                    + " and targets [N, M] of their relevance, M >= 1, got " + shapes(predictions, targets));
        }
        requireNoNaN(metric, "prediction", predictions);
        return predictions.dim(1);
    }
}
