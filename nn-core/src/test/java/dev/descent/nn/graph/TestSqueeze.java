package dev.descent.nn.graph;

import dev.descent.api.Layer;
import dev.descent.api.Pass;
import dev.descent.api.Tensor;
import java.util.Arrays;

/**
 * Drops a last axis of length 1 ([N, ..., 1] to [N, ...]), a view without a copy: a stand-in for
 * {@code flatten}/{@code reshape} (written in parallel) that turns a bias embedding [N, K, 1] into scores
 * [N, K].
 */
final class TestSqueeze implements Layer {
    private boolean trained;
    /** The last tensors seen and their views, reused while the same tensor comes again (as a layer's buffer does). */
    private Tensor input;
    private Tensor output;
    private Tensor gradient;
    private Tensor inputGradientView;

    @Override
    public int[] outputShape(int[] inputShape) {
        if (inputShape.length == 0 || inputShape[inputShape.length - 1] != 1) {
            throw new IllegalArgumentException("squeeze: the last axis must have length 1, got "
                    + Arrays.toString(inputShape));
        }
        return Arrays.copyOf(inputShape, inputShape.length - 1);
    }

    @Override
    public Tensor forward(Tensor input, Pass pass) {
        trained = pass.training();
        if (input != this.input) {
            int[] shape = input.shapeView();
            this.input = input;
            output = input.reshape(Arrays.copyOf(shape, shape.length - 1));
        }
        return output;
    }

    @Override
    public Tensor backward(Tensor outputGradient, boolean inputGradient) {
        if (!trained) {
            throw new IllegalStateException("squeeze: backward without a training forward");
        }
        if (!inputGradient) {
            return null;
        }
        if (outputGradient != gradient) {
            int[] shape = outputGradient.shapeView();
            int[] in = Arrays.copyOf(shape, shape.length + 1);
            in[shape.length] = 1;
            gradient = outputGradient;
            inputGradientView = outputGradient.reshape(in);
        }
        return inputGradientView;
    }

    @Override
    public String toString() {
        return "squeeze";
    }
}
