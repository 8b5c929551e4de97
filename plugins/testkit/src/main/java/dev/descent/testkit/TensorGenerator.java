package dev.descent.testkit;

import dev.descent.api.Tensor;
import java.util.random.RandomGenerator;

/**
 * Makes the random tensors a contract check feeds a component: predictions and targets for a loss, a
 * batch of inputs for a layer. A component with a restricted domain (probabilities, class indices,
 * positive values) supplies its own; keep generated values more than {@link FiniteDifferences#DEFAULT_STEP}
 * inside the domain, as the gradient checks move each element by that much either way.
 */
@FunctionalInterface
public interface TensorGenerator {

    /**
     * A tensor for {@code shape}, drawn from {@code random} only, so that a fixed seed gives a fixed tensor.
     * A loss's targets may take another shape than the one asked (class indices for [batch, classes]).
     */
    Tensor generate(int[] shape, RandomGenerator random);

    /**
     * Whole numbers uniform in [{@code low}, {@code high}), as floats: the input of a layer whose input
     * holds indices (an embedding over {@code high} rows takes {@code integers(0, high)}).
     */
    static TensorGenerator integers(int low, int high) {
        if (low >= high) {
            throw new IllegalArgumentException("an integer range needs low < high, got ['" + low + "', '" + high
                    + "')");
        }
        return (shape, random) -> {
            Tensor tensor = Tensor.zeros(shape);
            float[] data = tensor.data();
            for (int i = 0; i < data.length; i++) {
                data[i] = random.nextInt(low, high);
            }
            return tensor;
        };
    }

    /** Values uniform in [{@code low}, {@code high}). */
    static TensorGenerator uniform(double low, double high) {
        if (!(low < high) || Double.isInfinite(low) || Double.isInfinite(high)) {
            throw new IllegalArgumentException("a uniform range needs finite low < high, got ['" + low + "', '"
                    + high + "')");
        }
        return (shape, random) -> {
            Tensor tensor = Tensor.zeros(shape);
            float[] data = tensor.data();
            for (int i = 0; i < data.length; i++) {
                data[i] = (float) random.nextDouble(low, high);
            }
            return tensor;
        };
    }
}
