package dev.descent.nn;

import static java.util.Objects.requireNonNull;

import dev.descent.api.BatchBuffer;
import dev.descent.api.Layer;
import dev.descent.api.Pass;
import dev.descent.api.Shapes;
import dev.descent.api.Tensor;

/**
 * What max and average pooling share: the window, the shape checks, the buffers, and forward and backward
 * as loops over the planes of a batch, one (example, channel) pair each. A pooling window reads only the
 * input (never the padding, which PyTorch's checks keep at most half the kernel) and gives [N, C, H_out, W_out].
 */
abstract class Pool2d implements Layer {
    private static final int[] NO_DILATION = {1, 1};

    final String name;
    final Window2d window;

    /** The geometry of the last input: channels, height and width; output height and width. */
    int channels = -1;
    int height = -1;
    int width = -1;
    int outH;
    int outW;
    private final int[] outPerExample = new int[3];

    private Tensor lastInput;
    private final BatchBuffer output = new BatchBuffer();
    private final BatchBuffer inputGradient = new BatchBuffer();

    /**
     * @throws IllegalArgumentException if a size is out of range, or the padding is more than half the kernel
     *     (PyTorch's check)
     */
    Pool2d(String name, int[] kernelSize, int[] stride, int[] padding) {
        this.name = name;
        Window2d.requirePair(name, "kernel_size", kernelSize, 1);
        Window2d.requirePair(name, "stride", stride, 1);
        Window2d.requirePair(name, "padding", padding, 0);
        if (padding[0] > kernelSize[0] / 2 || padding[1] > kernelSize[1] / 2) {
            throw new IllegalArgumentException(name + ": padding must be at most half of kernel_size, got padding="
                    + Shapes.toString(padding) + " and kernel_size=" + Shapes.toString(kernelSize));
        }
        this.window = new Window2d(kernelSize, stride, padding, NO_DILATION);
    }

    /** Maps [C, H, W] to [C, H_out, W_out]. */
    @Override
    public int[] outputShape(int[] inputShape) {
        requireNonNull(inputShape, "inputShape is null");
        Window2d.requireImage(name, inputShape);
        return new int[] {inputShape[0], window.outputSize(name, inputShape, 0), window.outputSize(name, inputShape, 1)};
    }

    /** Takes the geometry of a batch [N, C, H, W]; nothing is allocated while it stays the same. */
    private void size(int[] shape) {
        if (shape[1] == channels && shape[2] == height && shape[3] == width) {
            return;
        }
        int[] perExample = {shape[1], shape[2], shape[3]};
        int oh = window.outputSize(name, perExample, 0);
        int ow = window.outputSize(name, perExample, 1);
        channels = shape[1];
        height = shape[2];
        width = shape[3];
        outH = oh;
        outW = ow;
        outPerExample[0] = channels;
        outPerExample[1] = oh;
        outPerExample[2] = ow;
    }

    @Override
    public final Tensor forward(Tensor input, Pass pass) {
        requireNonNull(input, "input is null");
        requireNonNull(pass, "pass is null");
        int[] shape = input.shapeView();
        Window2d.requireBatch(name, shape);
        size(shape);
        Tensor result = output.get(shape[0], outPerExample);
        pool(input.array(), input.offset(), result.data(), shape[0] * channels, pass.training());
        lastInput = pass.training() ? input : null;
        return result;
    }

    /**
     * Back-propagates through the last training forward into a zeroed input gradient; returns null when
     * {@code inputGradient} is false, as pooling has no parameters.
     *
     * @throws IllegalStateException if there was no training forward
     * @throws IllegalArgumentException if {@code outputGradient} does not have that forward's output shape
     */
    @Override
    public final Tensor backward(Tensor outputGradient, boolean inputGradient) {
        requireNonNull(outputGradient, "outputGradient is null");
        if (lastInput == null) {
            throw new IllegalStateException(name + ": backward called without a training forward; call"
                    + " forward(input, Pass.training(random)) first");
        }
        int[] inShape = lastInput.shapeView();
        size(inShape);
        Window2d.requireOutputGradient(name, outputGradient, inShape[0], outPerExample);
        if (!inputGradient) {
            return null;
        }
        Tensor dX = this.inputGradient.zeroed(inShape);
        unpool(outputGradient.array(), outputGradient.offset(), dX.data(), inShape[0] * channels);
        return dX;
    }

    /**
     * Pools {@code planes} planes of {@code x} (height × width each, from {@code offset}) into {@code y}; in
     * training, keeps what {@link #unpool} needs (and only then, so an inference forward leaves it alone).
     */
    abstract void pool(float[] x, int offset, float[] y, int planes, boolean training);

    /** Adds the gradient of each output of {@code dY} (from {@code offset}) into the zeroed {@code dX}. */
    abstract void unpool(float[] dY, int offset, float[] dX, int planes);

    /** Where the window of output row {@code oh} starts on the padded input (may be negative). */
    final int rowStart(int oh) {
        return oh * window.strideH - window.padH;
    }

    final int colStart(int ow) {
        return ow * window.strideW - window.padW;
    }
}
