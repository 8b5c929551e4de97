package dev.descent.api;

/**
 * A streaming evaluation metric: {@link #update} with each batch, {@link #compute} at the end. Updating
 * batch by batch gives exactly what one update with the whole set would (a metric keeps sufficient
 * statistics, such as counts or sums, not a mean of batch means). Built-ins follow scikit-learn's
 * definitions.
 */
public interface Metric {

    /** The canonical name, e.g. {@code f1}; used in reports and error messages. */
    String name();

    /**
     * Adds a batch. Shapes are the metric's own (stated by its provider's description); a shape that does
     * not fit is an {@link IllegalArgumentException} naming the metric and the shapes.
     */
    void update(Tensor predictions, Tensor targets);

    /**
     * The metric over everything added since the last {@link #reset}: a scalar (shape {@code []}) for most,
     * a matrix for {@code confusion_matrix}. NaN when nothing was added and the metric is undefined.
     */
    Tensor compute();

    /** Forgets everything added. */
    void reset();

    /**
     * {@link #compute()} as a number, for scalar metrics.
     *
     * @throws IllegalStateException if the metric is not a scalar
     */
    default double value() {
        Tensor result = compute();
        if (result.size() != 1) {
            throw new IllegalStateException(name() + " is not a scalar metric: it computes a tensor of shape "
                    + Shapes.toString(result.shape()));
        }
        return result.data()[0];
    }
}
