package dev.descent.nn;

import static java.util.Objects.requireNonNull;

import dev.descent.api.BatchBuffer;
import dev.descent.api.Layer;
import dev.descent.api.Pass;
import dev.descent.api.Shapes;
import dev.descent.api.Tensor;

/**
 * The mean of each channel over height and width: [N, C, H, W] to [N, C], as Keras's
 * {@code GlobalAveragePooling2D} or PyTorch's {@code x.mean(dim=(2, 3))} (an {@code AdaptiveAvgPool2d(1)}
 * followed by a flatten). Sums are taken in double.
 */
public final class GlobalAvgPool2d implements Layer {
    private static final String NAME = "global_avg_pool2d";

    private Tensor lastInput;
    private final int[] outPerExample = new int[1];
    private final BatchBuffer output = new BatchBuffer();
    private final BatchBuffer inputGradient = new BatchBuffer();

    /** Maps [C, H, W] to [C]. */
    @Override
    public int[] outputShape(int[] inputShape) {
        requireNonNull(inputShape, "inputShape is null");
        Window2d.requireImage(NAME, inputShape);
        requireArea(inputShape[1], inputShape[2], inputShape);
        return new int[] {inputShape[0]};
    }

    private static void requireArea(int height, int width, int[] shape) {
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException(NAME + ": cannot average over an empty height or width, got shape "
                    + Shapes.toString(shape));
        }
    }

    @Override
    public Tensor forward(Tensor input, Pass pass) {
        requireNonNull(input, "input is null");
        requireNonNull(pass, "pass is null");
        int[] shape = input.shapeView();
        Window2d.requireBatch(NAME, shape);
        requireArea(shape[2], shape[3], shape);
        outPerExample[0] = shape[1];
        Tensor result = output.get(shape[0], outPerExample);
        float[] x = input.array();
        float[] y = result.data();
        int area = shape[2] * shape[3];
        for (int plane = 0, in = input.offset(); plane < y.length; plane++) {
            double sum = 0;
            for (int end = in + area; in < end; in++) {
                sum += x[in];
            }
            y[plane] = (float) (sum / area);
        }
        lastInput = pass.training() ? input : null;
        return result;
    }

    /**
     * Spreads each output's gradient evenly over its channel: {@code dX[n, c, h, w] = dY[n, c] / (H · W)}.
     *
     * @throws IllegalStateException if there was no training forward
     * @throws IllegalArgumentException if {@code outputGradient} is not [N, C] of that forward
     */
    @Override
    public Tensor backward(Tensor outputGradient, boolean needInputGradient) {
        requireNonNull(outputGradient, "outputGradient is null");
        if (lastInput == null) {
            throw new IllegalStateException(NAME + ": backward called without a training forward; call"
                    + " forward(input, Pass.training(random)) first");
        }
        int[] shape = lastInput.shapeView();
        int[] g = outputGradient.shapeView();
        if (g.length != 2 || g[0] != shape[0] || g[1] != shape[1]) {
            throw new IllegalArgumentException(NAME + ": output gradient of shape " + Shapes.toString(g)
                    + " does not match the output of the last training forward, shape [" + shape[0] + ", " + shape[1]
                    + "]");
        }
        if (!needInputGradient) {
            return null;
        }
        Tensor result = inputGradient.get(shape);
        float[] dY = outputGradient.array();
        float[] dX = result.data();
        int area = shape[2] * shape[3];
        for (int plane = 0, out = 0, planes = shape[0] * shape[1]; plane < planes; plane++) {
            float share = dY[outputGradient.offset() + plane] / area;
            java.util.Arrays.fill(dX, out, out + area, share);
            out += area;
        }
        return result;
    }

    @Override
    public String toString() {
        return NAME;
    }
}
