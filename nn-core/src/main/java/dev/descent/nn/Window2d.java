package dev.descent.nn;

import dev.descent.api.Shapes;
import dev.descent.nn.kernel.Im2col;
import java.util.Arrays;

/**
 * The sliding window of a 2-d convolution or pooling layer: kernel, stride, padding and dilation, each
 * [height, width], and the output size it gives, as PyTorch computes it. Checks say which layer, which axis
 * and why.
 */
final class Window2d {
    private static final String[] AXES = {"height", "width"};

    final int kernelH;
    final int kernelW;
    final int strideH;
    final int strideW;
    final int padH;
    final int padW;
    final int dilationH;
    final int dilationW;

    Window2d(int[] kernel, int[] stride, int[] padding, int[] dilation) {
        kernelH = kernel[0];
        kernelW = kernel[1];
        strideH = stride[0];
        strideW = stride[1];
        padH = padding[0];
        padW = padding[1];
        dilationH = dilation[0];
        dilationW = dilation[1];
    }

    /**
     * Checks that a per-example input is [channels, height, width] and that the window fits it, and
     * returns the output size of one axis (0 height, 1 width).
     *
     * @throws IllegalArgumentException naming the layer, the axis and the shape
     */
    int outputSize(String layer, int[] perExample, int axis) {
        int size = perExample[axis + 1];
        int kernel = axis == 0 ? kernelH : kernelW;
        int pad = axis == 0 ? padH : padW;
        int dilation = axis == 0 ? dilationH : dilationW;
        int stride = axis == 0 ? strideH : strideW;
        long padded = (long) size + 2L * pad;
        long span = (long) dilation * (kernel - 1) + 1;
        if (padded < span) {
            throw new IllegalArgumentException(layer + ": the output would have no " + AXES[axis] + ": input "
                    + AXES[axis] + " " + size + " padded by " + pad + " on each side is " + padded
                    + ", less than the window's " + AXES[axis] + " " + span + " (kernel " + kernel
                    + (dilation == 1 ? "" : " dilated by " + dilation) + "); per-example input shape "
                    + Shapes.toString(perExample) + "; give a larger input, more padding or a smaller kernel");
        }
        return Im2col.outputSize(size, kernel, stride, pad, dilation);
    }

    /**
     * Checks that a per-example shape is [channels, height, width].
     *
     * @throws IllegalArgumentException naming the layer and the shape
     */
    static void requireImage(String layer, int[] perExample) {
        if (perExample.length != 3) {
            throw new IllegalArgumentException(layer + ": expected examples of shape [channels, height, width]"
                    + " (a batch [N, C, H, W]), got per-example shape " + Shapes.toString(perExample));
        }
    }

    /**
     * Checks that a batch has rank 4, [N, C, H, W].
     *
     * @throws IllegalArgumentException naming the layer and the shape
     */
    static void requireBatch(String layer, int[] shape) {
        if (shape.length != 4) {
            throw new IllegalArgumentException(layer + ": expected a batch of rank 4, [N, C, H, W], got shape "
                    + Shapes.toString(shape));
        }
    }

    /**
     * Checks a [height, width] parameter given to a constructor.
     *
     * @throws IllegalArgumentException naming the layer, the parameter and the value
     */
    static void requirePair(String layer, String parameter, int[] values, int least) {
        java.util.Objects.requireNonNull(values, parameter + " is null");
        if (values.length != 2 || Math.min(values[0], values[1]) < least) {
            throw new IllegalArgumentException(layer + ": " + parameter + " must be [height, width] of integers >= "
                    + least + ", got " + Shapes.toString(values));
        }
    }

    /**
     * Checks that an output gradient is [batch, perExample...], the output of the last training forward.
     *
     * @throws IllegalArgumentException naming the layer and both shapes
     */
    static void requireOutputGradient(String layer, dev.descent.api.Tensor outputGradient, int batch,
            int[] perExample) {
        if (!isBatchOf(outputGradient.shapeView(), batch, perExample)) {
            int[] expected = new int[perExample.length + 1];
            expected[0] = batch;
            System.arraycopy(perExample, 0, expected, 1, perExample.length);
            throw new IllegalArgumentException(layer + ": output gradient of shape "
                    + Shapes.toString(outputGradient.shapeView()) + " does not match the output of the last training"
                    + " forward, shape " + Shapes.toString(expected));
        }
    }

    /** Whether {@code shape} equals [n, perExample...], without allocating. */
    static boolean isBatchOf(int[] shape, int n, int[] perExample) {
        if (shape.length != perExample.length + 1 || shape[0] != n) {
            return false;
        }
        for (int i = 0; i < perExample.length; i++) {
            if (shape[i + 1] != perExample[i]) {
                return false;
            }
        }
        return true;
    }

    /** {@code kernel_size=[3, 3], stride=[1, 1], ...} as a spec writes it. */
    String describe(boolean withDilation) {
        return "kernel_size=" + pair(kernelH, kernelW) + ", stride=" + pair(strideH, strideW) + ", padding="
                + pair(padH, padW) + (withDilation ? ", dilation=" + pair(dilationH, dilationW) : "");
    }

    private static String pair(int a, int b) {
        return Arrays.toString(new int[] {a, b});
    }
}
