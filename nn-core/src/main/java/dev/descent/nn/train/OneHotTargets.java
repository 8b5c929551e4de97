package dev.descent.nn.train;

import static java.util.Objects.requireNonNull;

import dev.descent.api.BatchBuffer;
import dev.descent.api.Metric;
import dev.descent.api.Shapes;
import dev.descent.api.Tensor;

/**
 * A metric that reads one-hot (or probability) targets {@code [N, C]} as class indices {@code [N]}, the first
 * index of each row's largest value, and hands them to a metric of class indices: so {@code accuracy} on a
 * model trained with {@code mse} against one-hot targets is Keras's {@code categorical_accuracy}.
 */
public final class OneHotTargets implements Metric {
    private static final int[] SCALAR = new int[0];

    private final Metric metric;
    private final BatchBuffer indices = new BatchBuffer();

    private OneHotTargets(Metric metric) {
        this.metric = metric;
    }

    /** {@code metric}, fed class indices decoded from one-hot targets. */
    public static Metric decoding(Metric metric) {
        return new OneHotTargets(requireNonNull(metric, "metric is null"));
    }

    @Override
    public String name() {
        return metric.name();
    }

    /** @throws IllegalArgumentException if the targets are not a matrix [N, C] */
    @Override
    public void update(Tensor predictions, Tensor targets) {
        requireNonNull(targets, "targets is null");
        int[] shape = targets.shapeView();
        if (shape.length != 2 || shape[1] < 1) {
            throw new IllegalArgumentException(metric.name() + " on one-hot targets: targets must be [N, C], got "
                    + Shapes.toString(shape));
        }
        int rows = shape[0];
        int classes = shape[1];
        Tensor decoded = indices.get(rows, SCALAR);
        float[] out = decoded.data();
        float[] in = targets.array();
        int base = targets.offset();
        for (int r = 0; r < rows; r++) {
            int row = base + r * classes;
            int argmax = 0;
            for (int c = 1; c < classes; c++) {
                if (in[row + c] > in[row + argmax]) {
                    argmax = c;
                }
            }
            out[r] = argmax;
        }
        metric.update(predictions, decoded);
    }

    @Override
    public Tensor compute() {
        return metric.compute();
    }

    @Override
    public void reset() {
        metric.reset();
    }

    @Override
    public String toString() {
        return metric + " on one-hot targets";
    }
}
