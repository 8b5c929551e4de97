package dev.descent.nn.kernel;

/**
 * The unfolding that turns a convolution into a matrix product, after Caffe's {@code im2col_cpu} and
 * {@code col2im_cpu} (same arguments, same layout): one example's input {@code [channels, height, width]}
 * becomes a matrix of {@code channels · kernelH · kernelW} rows, one per weight of a filter in the order of
 * a weight {@code [out, channels, kernelH, kernelW]}, and {@code outH · outW} columns, one per output
 * position. Positions that fall in the zero padding read as 0. A convolution's forward is then
 * {@code W · col} and its input gradient {@code col2im(Wᵀ · dY)}, both through {@link Kernels#gemm}.
 *
 * <p>Scalar loops, kept here so that a faster implementation replaces them behind the same signatures.
 */
public final class Im2col {
    private Im2col() {}

    /**
     * The number of output positions along one axis: {@code (size + 2·pad − dilation·(kernel − 1) − 1) / stride + 1},
     * rounded down, as PyTorch's; at most 0 when the padded input is shorter than the dilated kernel.
     */
    public static int outputSize(int size, int kernel, int stride, int pad, int dilation) {
        long span = (long) size + 2L * pad - (long) dilation * (kernel - 1) - 1;
        return (int) (Math.floorDiv(span, stride) + 1);
    }

    /**
     * Unfolds {@code x[xOffset ...]}, one example {@code [channels, height, width]}, into
     * {@code col[colOffset ...]}, a row-major matrix {@code [channels·kernelH·kernelW, outH·outW]}.
     *
     * @throws IllegalArgumentException if the geometry has no output or an array is too short
     */
    public static void im2col(float[] x, int xOffset, int channels, int height, int width, int kernelH, int kernelW,
            int padH, int padW, int strideH, int strideW, int dilationH, int dilationW, float[] col, int colOffset) {
        int outH = outputSize(height, kernelH, strideH, padH, dilationH);
        int outW = outputSize(width, kernelW, strideW, padW, dilationW);
        check(x, xOffset, col, colOffset, channels, height, width, kernelH, kernelW, outH, outW);
        int out = colOffset;
        for (int c = 0; c < channels; c++) {
            int plane = xOffset + c * height * width;
            for (int ki = 0; ki < kernelH; ki++) {
                for (int kj = 0; kj < kernelW; kj++) {
                    int rowShift = ki * dilationH - padH;
                    int colShift = kj * dilationW - padW;
                    for (int oh = 0; oh < outH; oh++) {
                        int ih = oh * strideH + rowShift;
                        if (ih < 0 || ih >= height) {
                            java.util.Arrays.fill(col, out, out + outW, 0f);
                            out += outW;
                            continue;
                        }
                        int inRow = plane + ih * width;
                        for (int ow = 0; ow < outW; ow++) {
                            int iw = ow * strideW + colShift;
                            col[out++] = iw >= 0 && iw < width ? x[inRow + iw] : 0f;
                        }
                    }
                }
            }
        }
    }

    /**
     * The adjoint of {@link #im2col}: adds each element of the matrix {@code col[colOffset ...]}
     * ({@code [channels·kernelH·kernelW, outH·outW]}) into the input position it was read from in
     * {@code x[xOffset ...]} ({@code [channels, height, width]}); padding positions are dropped. {@code x} is
     * accumulated into, not overwritten.
     *
     * @throws IllegalArgumentException if the geometry has no output or an array is too short
     */
    public static void col2im(float[] col, int colOffset, int channels, int height, int width, int kernelH,
            int kernelW, int padH, int padW, int strideH, int strideW, int dilationH, int dilationW, float[] x,
            int xOffset) {
        int outH = outputSize(height, kernelH, strideH, padH, dilationH);
        int outW = outputSize(width, kernelW, strideW, padW, dilationW);
        check(x, xOffset, col, colOffset, channels, height, width, kernelH, kernelW, outH, outW);
        int in = colOffset;
        for (int c = 0; c < channels; c++) {
            int plane = xOffset + c * height * width;
            for (int ki = 0; ki < kernelH; ki++) {
                for (int kj = 0; kj < kernelW; kj++) {
                    int rowShift = ki * dilationH - padH;
                    int colShift = kj * dilationW - padW;
                    for (int oh = 0; oh < outH; oh++) {
                        int ih = oh * strideH + rowShift;
                        if (ih < 0 || ih >= height) {
                            in += outW;
                            continue;
                        }
                        int inRow = plane + ih * width;
                        for (int ow = 0; ow < outW; ow++, in++) {
                            int iw = ow * strideW + colShift;
                            if (iw >= 0 && iw < width) {
                                x[inRow + iw] += col[in];
                            }
                        }
                    }
                }
            }
        }
    }

    private static void check(float[] x, int xOffset, float[] col, int colOffset, int channels, int height,
            int width, int kernelH, int kernelW, int outH, int outW) {
        if (channels < 0 || height < 0 || width < 0 || kernelH < 1 || kernelW < 1 || outH < 1 || outW < 1) {
            throw new IllegalArgumentException("im2col: no output for " + channels + " channels of " + height + "x"
                    + width + " with a " + kernelH + "x" + kernelW + " kernel (output " + outH + "x" + outW + ")");
        }
        long image = (long) channels * height * width;
        long rows = (long) channels * kernelH * kernelW;
        if (xOffset < 0 || xOffset + image > x.length) {
            throw new IllegalArgumentException("im2col: an image of " + image + " elements from offset " + xOffset
                    + " does not fit in an array of " + x.length);
        }
        if (colOffset < 0 || colOffset + rows * outH * outW > col.length) {
            throw new IllegalArgumentException("im2col: a column matrix of " + rows + "x" + (long) outH * outW
                    + " from offset " + colOffset + " does not fit in an array of " + col.length);
        }
    }
}
