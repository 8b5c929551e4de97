package dev.descent.nn;

/**
 * 2-d max pooling on NCHW batches, as PyTorch's {@code nn.MaxPool2d} (dilation 1, ceil_mode false): each
 * output is the largest input of its window, the padding counting as −∞. Ties go to the first maximum in
 * row-major order of the window, and a NaN wins (the last NaN of the window), as PyTorch's CPU kernel.
 * The gradient flows to the input that was chosen; the chosen positions are kept in an int buffer that
 * grows with the largest batch seen and is reused after.
 */
public final class MaxPool2d extends Pool2d {
    /** For each output of the last training forward, the index in its input plane of the maximum. */
    private int[] argmax = new int[0];

    /**
     * @throws IllegalArgumentException if a size is out of range or the padding is more than half the kernel
     */
    public MaxPool2d(int[] kernelSize, int[] stride, int[] padding) {
        super("max_pool2d", kernelSize, stride, padding);
    }

    @Override
    void pool(float[] x, int offset, float[] y, int planes, boolean training) {
        int positions = outH * outW;
        if (training && argmax.length < planes * positions) {
            argmax = new int[planes * positions];
        }
        int out = 0;
        for (int plane = 0; plane < planes; plane++) {
            int in = offset + plane * height * width;
            for (int oh = 0; oh < outH; oh++) {
                int h0 = rowStart(oh);
                int h1 = Math.min(h0 + window.kernelH, height);
                h0 = Math.max(h0, 0);
                for (int ow = 0; ow < outW; ow++, out++) {
                    int w0 = colStart(ow);
                    int w1 = Math.min(w0 + window.kernelW, width);
                    w0 = Math.max(w0, 0);
                    int best = h0 * width + w0;
                    float max = Float.NEGATIVE_INFINITY;
                    for (int ih = h0; ih < h1; ih++) {
                        for (int iw = w0; iw < w1; iw++) {
                            int index = ih * width + iw;
                            float value = x[in + index];
                            // Strictly greater: the first maximum wins a tie; a NaN always wins, as in PyTorch.
                            if (value > max || Float.isNaN(value)) {
                                max = value;
                                best = index;
                            }
                        }
                    }
                    y[out] = max;
                    if (training) {
                        argmax[out] = best;
                    }
                }
            }
        }
    }

    @Override
    void unpool(float[] dY, int offset, float[] dX, int planes) {
        int positions = outH * outW;
        for (int plane = 0, out = 0; plane < planes; plane++) {
            int in = plane * height * width;
            for (int end = out + positions; out < end; out++) {
                dX[in + argmax[out]] += dY[offset + out];
            }
        }
    }

    /** The layer as a spec: {@code max_pool2d(kernel_size=[2, 2], stride=[2, 2], padding=[0, 0])}. */
    @Override
    public String toString() {
        return name + "(" + window.describe(false) + ")";
    }
}
