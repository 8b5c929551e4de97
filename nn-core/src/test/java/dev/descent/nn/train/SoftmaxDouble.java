package dev.descent.nn.train;

import dev.descent.api.BatchBuffer;
import dev.descent.api.Layer;
import dev.descent.api.Pass;
import dev.descent.api.Tensor;

/**
 * A test double of softmax over the last axis of [N, C]: {@code y = exp(x - max) / sum}, and
 * {@code dx = y * (dy - sum(dy * y))}. Stands in until the softmax layer lands.
 */
final class SoftmaxDouble implements Layer {
    private final BatchBuffer output = new BatchBuffer();
    private final BatchBuffer inputGradient = new BatchBuffer();
    private Tensor last;

    @Override
    public int[] outputShape(int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    public Tensor forward(Tensor input, Pass pass) {
        int[] shape = input.shapeView();
        int rows = shape[0];
        int classes = shape[1];
        Tensor result = output.get(shape);
        float[] x = input.data();
        float[] y = result.data();
        for (int r = 0; r < rows; r++) {
            int base = r * classes;
            float max = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, x[base + c]);
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                float e = (float) Math.exp(x[base + c] - max);
                y[base + c] = e;
                sum += e;
            }
            for (int c = 0; c < classes; c++) {
                y[base + c] = (float) (y[base + c] / sum);
            }
        }
        last = pass.training() ? result : null;
        return result;
    }

    @Override
    public Tensor backward(Tensor outputGradient, boolean needInputGradient) {
        int[] shape = outputGradient.shapeView();
        int rows = shape[0];
        int classes = shape[1];
        Tensor result = inputGradient.get(shape);
        float[] y = last.data();
        float[] dy = outputGradient.data();
        float[] dx = result.data();
        for (int r = 0; r < rows; r++) {
            int base = r * classes;
            double dot = 0;
            for (int c = 0; c < classes; c++) {
                dot += dy[base + c] * y[base + c];
            }
            for (int c = 0; c < classes; c++) {
                dx[base + c] = (float) (y[base + c] * (dy[base + c] - dot));
            }
        }
        return result;
    }

    @Override
    public String toString() {
        return "softmax(dim=-1)";
    }
}
