package dev.descent.loss.metric;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Metric;
import dev.descent.api.Shapes;
import dev.descent.api.Tensor;

/**
 * What the built-in metrics share: the name, and a result kept in {@code double} that {@link #compute()}
 * rounds to the {@code float} of a {@link Tensor} while {@link #value()} returns it unrounded.
 *
 * <p>Every built-in accumulates its sufficient statistics element by element in input order (integer
 * counts, or one running {@code double} sum per output), so splitting the data into batches changes no
 * operation: batches of 1, 7 or all give the same result to the last bit.
 */
abstract class AbstractMetric implements Metric {
    private final String name;

    AbstractMetric(String name) {
        this.name = requireNonNull(name, "name is null");
    }

    @Override
    public final String name() {
        return name;
    }

    /** The result in double precision, row-major in {@link #resultShape()}; NaN where it is undefined. */
    abstract double[] results();

    /** The shape of {@link #results()}: {@code []} for a scalar metric. */
    int[] resultShape() {
        return new int[0];
    }

    @Override
    public final Tensor compute() {
        double[] results = results();
        float[] data = new float[results.length];
        for (int i = 0; i < results.length; i++) {
            data[i] = (float) results[i];
        }
        return Tensor.of(data, resultShape());
    }

    /** The scalar result in full double precision; {@link #compute()} holds it rounded to float. */
    @Override
    public double value() {
        double[] results = results();
        int[] shape = resultShape();
        if (shape.length != 0) {
            throw new IllegalStateException(name + " is not a scalar metric here: it computes a tensor of shape "
                    + Shapes.toString(shape));
        }
        return results[0];
    }

    @Override
    public String toString() {
        return name;
    }
}
