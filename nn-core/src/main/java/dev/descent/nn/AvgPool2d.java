package dev.descent.nn;

/**
 * 2-d average pooling on NCHW batches, as PyTorch's {@code nn.AvgPool2d} (ceil_mode false, no
 * divisor_override): each output is the mean of its window. With {@code count_include_pad} (PyTorch's
 * default) the padding counts as zeros in the mean, so the divisor is always the window's size; without it
 * the divisor is the number of input positions the window covers. Sums are taken in double.
 */
public final class AvgPool2d extends Pool2d {
    private final boolean countIncludePad;

    /**
     * @throws IllegalArgumentException if a size is out of range or the padding is more than half the kernel
     */
    public AvgPool2d(int[] kernelSize, int[] stride, int[] padding, boolean countIncludePad) {
        super("avg_pool2d", kernelSize, stride, padding);
        this.countIncludePad = countIncludePad;
    }

    /** The divisor of the window starting at (h0, w0) on the padded input, as PyTorch's {@code cpu_avg_pool}. */
    private int divisor(int h0, int w0) {
        int h1 = Math.min(h0 + window.kernelH, height + window.padH);
        int w1 = Math.min(w0 + window.kernelW, width + window.padW);
        if (countIncludePad) {
            return (h1 - h0) * (w1 - w0);
        }
        return (Math.min(h1, height) - Math.max(h0, 0)) * (Math.min(w1, width) - Math.max(w0, 0));
    }

    @Override
    void pool(float[] x, int offset, float[] y, int planes, boolean training) {
        int out = 0;
        for (int plane = 0; plane < planes; plane++) {
            int in = offset + plane * height * width;
            for (int oh = 0; oh < outH; oh++) {
                int start = rowStart(oh);
                int h0 = Math.max(start, 0);
                int h1 = Math.min(start + window.kernelH, height);
                for (int ow = 0; ow < outW; ow++, out++) {
                    int left = colStart(ow);
                    int w0 = Math.max(left, 0);
                    int w1 = Math.min(left + window.kernelW, width);
                    double sum = 0;
                    for (int ih = h0; ih < h1; ih++) {
                        for (int iw = w0; iw < w1; iw++) {
                            sum += x[in + ih * width + iw];
                        }
                    }
                    y[out] = (float) (sum / divisor(start, left));
                }
            }
        }
    }

    @Override
    void unpool(float[] dY, int offset, float[] dX, int planes) {
        int out = offset;
        for (int plane = 0; plane < planes; plane++) {
            int in = plane * height * width;
            for (int oh = 0; oh < outH; oh++) {
                int start = rowStart(oh);
                int h0 = Math.max(start, 0);
                int h1 = Math.min(start + window.kernelH, height);
                for (int ow = 0; ow < outW; ow++, out++) {
                    int left = colStart(ow);
                    int w0 = Math.max(left, 0);
                    int w1 = Math.min(left + window.kernelW, width);
                    float share = dY[out] / divisor(start, left);
                    for (int ih = h0; ih < h1; ih++) {
                        for (int iw = w0; iw < w1; iw++) {
                            dX[in + ih * width + iw] += share;
                        }
                    }
                }
            }
        }
    }

    /** The layer as a spec: {@code avg_pool2d(kernel_size=[2, 2], ..., count_include_pad=true)}. */
    @Override
    public String toString() {
        return name + "(" + window.describe(false) + ", count_include_pad=" + countIncludePad + ")";
    }
}
