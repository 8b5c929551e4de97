package dev.descent.nn;

import static java.util.Objects.requireNonNull;

import dev.descent.api.BatchBuffer;
import dev.descent.api.Layer;
import dev.descent.api.Pass;
import dev.descent.api.Shapes;
import dev.descent.api.Tensor;

/**
 * Softmax, {@code y_k = e^(x_k) / Σ_j e^(x_j)}, or its logarithm, {@code y_k = x_k - log Σ_j e^(x_j)}, along one
 * axis {@code dim}, as PyTorch's {@code nn.Softmax} and {@code nn.LogSoftmax}. {@code dim} counts the axes of
 * the batch as PyTorch does, the batch axis included: on [N, C] inputs dim=1 and dim=-1 are the classes, on
 * [N, C, H, W] dim=1 is the channels. Any axis but the batch axis may be chosen, since examples are independent.
 *
 * <p>Numerically stable: the maximum of each slice is subtracted before {@code exp}, and the sums are kept in
 * double. A slice holding NaN gives NaN throughout. Backward is PyTorch's: {@code dx = y (dy - Σ dy·y)} for
 * softmax and {@code dx = dy - e^y Σ dy} for log-softmax, from the kept output.
 */
public final class Softmax implements Layer {
    /** PyTorch's dim in Descent's default: the last axis. */
    public static final int DEFAULT_DIM = -1;

    private final String name;
    private final int dim;
    private final boolean log;
    private final BatchBuffer output = new BatchBuffer();
    private final BatchBuffer inputGradient = new BatchBuffer();
    /** The output of the last training forward; null before one and after an inference forward. */
    private Tensor lastOutput;

    private Softmax(String name, int dim, boolean log) {
        this.name = name;
        this.dim = dim;
        this.log = log;
    }

    /** Softmax along {@code dim} (batch axis counted, negative from the end). */
    public static Softmax softmax(int dim) {
        return new Softmax("softmax", dim, false);
    }

    /** Log-softmax along {@code dim} (batch axis counted, negative from the end). */
    public static Softmax logSoftmax(int dim) {
        return new Softmax("log_softmax", dim, true);
    }

    /**
     * The axis of a batch of rank {@code rank} that {@code dim} names.
     *
     * @throws IllegalArgumentException if it is the batch axis or outside the rank
     */
    private int axis(int rank) {
        int axis = dim < 0 ? dim + rank : dim;
        if (axis < 1 || axis >= rank) {
            throw new IllegalArgumentException(name + ": dim=" + dim + " does not name an axis of an example in a"
                    + " batch of rank " + rank + (axis == 0 ? " (it is the batch axis)" : "") + "; expected "
                    + (rank < 2 ? "examples of rank >= 1" : "one of 1.." + (rank - 1) + " or " + (1 - rank) + "..-1"));
        }
        return axis;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        requireNonNull(inputShape, "inputShape is null");
        axis(inputShape.length + 1);
        return inputShape.clone();
    }

    @Override
    public Tensor forward(Tensor input, Pass pass) {
        requireNonNull(input, "input is null");
        requireNonNull(pass, "pass is null");
        int[] shape = input.shapeView();
        int axis = axis(shape.length);
        int n = shape[axis];
        int inner = stride(shape, axis);
        int outer = n == 0 || inner == 0 ? 0 : input.size() / (n * inner);
        Tensor result = output.get(shape);
        float[] x = input.array();
        int from = input.offset();
        float[] y = result.array();
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int start = o * n * inner + i;
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0, at = start; k < n; k++, at += inner) {
                    // Math.max is NaN if either is: a NaN in the slice spreads to all of it.
                    max = Math.max(max, x[from + at]);
                }
                double sum = 0;
                for (int k = 0, at = start; k < n; k++, at += inner) {
                    double e = Math.exp(x[from + at] - max);
                    sum += e;
                    if (!log) {
                        y[at] = (float) e;
                    }
                }
                if (log) {
                    double logSum = Math.log(sum);
                    for (int k = 0, at = start; k < n; k++, at += inner) {
                        y[at] = (float) (x[from + at] - max - logSum);
                    }
                } else {
                    for (int k = 0, at = start; k < n; k++, at += inner) {
                        y[at] = (float) (y[at] / sum);
                    }
                }
            }
        }
        lastOutput = pass.training() ? result : null;
        return result;
    }

    /** The number of elements between two neighbours along {@code axis}: the product of the axes after it. */
    private static int stride(int[] shape, int axis) {
        int stride = 1;
        for (int a = axis + 1; a < shape.length; a++) {
            stride *= shape[a];
        }
        return stride;
    }

    /**
     * {@code y (dy - Σ dy·y)} for softmax, {@code dy - e^y Σ dy} for log-softmax, along the axis, or null when
     * {@code inputGradient} is false.
     *
     * @throws IllegalStateException if there was no training forward
     * @throws IllegalArgumentException if {@code outputGradient} does not have that forward's shape
     */
    @Override
    public Tensor backward(Tensor outputGradient, boolean inputGradient) {
        requireNonNull(outputGradient, "outputGradient is null");
        Shapes.requireBackward(name, lastOutput == null ? null : lastOutput.shapeView(), outputGradient);
        int[] shape = lastOutput.shapeView();
        if (!inputGradient) {
            return null;
        }
        int axis = axis(shape.length);
        int n = shape[axis];
        int inner = stride(shape, axis);
        int outer = n == 0 || inner == 0 ? 0 : lastOutput.size() / (n * inner);
        Tensor result = this.inputGradient.get(shape);
        float[] y = lastOutput.array();
        float[] dY = outputGradient.array();
        int from = outputGradient.offset();
        float[] dX = result.array();
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int start = o * n * inner + i;
                double sum = 0;
                for (int k = 0, at = start; k < n; k++, at += inner) {
                    sum += log ? dY[from + at] : (double) dY[from + at] * y[at];
                }
                for (int k = 0, at = start; k < n; k++, at += inner) {
                    dX[at] = log ? (float) (dY[from + at] - Math.exp(y[at]) * sum)
                            : (float) (y[at] * (dY[from + at] - sum));
                }
            }
        }
        return result;
    }

    /** {@code softmax(dim=-1)} or {@code log_softmax(dim=1)}. */
    @Override
    public String toString() {
        return name + "(dim=" + dim + ")";
    }
}
