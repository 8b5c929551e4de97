package dev.descent.nn.data;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Shapes;
import dev.descent.api.Tensor;

/** One-hot targets from class indices, for losses such as {@code mse} that compare with a vector per class. */
public final class OneHot {
    private OneHot() {}

    /**
     * A tensor {@code [N, classes]} whose row i is 1 at column {@code labels[i]} and 0 elsewhere.
     *
     * @param labels class indices {@code [N]}, whole numbers held as floats, in {@code [0, classes)}
     * @throws IllegalArgumentException if the labels are not a vector, or a label is not a whole number in
     *     range (naming its index and value)
     */
    public static Tensor encode(Tensor labels, int classes) {
        requireNonNull(labels, "labels is null");
        if (classes < 1) {
            throw new IllegalArgumentException("OneHot: classes must be at least 1, got '" + classes + "'");
        }
        if (labels.rank() != 1) {
            throw new IllegalArgumentException("OneHot: labels must be a vector [N] of class indices, got shape "
                    + Shapes.toString(labels.shapeView()));
        }
        int n = labels.size();
        float[] source = labels.array();
        int start = labels.offset();
        float[] encoded = new float[Math.multiplyExact(n, classes)];
        for (int i = 0; i < n; i++) {
            float label = source[start + i];
            if (!(label >= 0 && label < classes) || label != Math.rint(label)) {
                throw new IllegalArgumentException("OneHot: label " + i + " is '" + label + "'; expected a whole"
                        + " number in [0, " + classes + ")");
            }
            encoded[i * classes + (int) label] = 1f;
        }
        return Tensor.of(encoded, n, classes);
    }
}
