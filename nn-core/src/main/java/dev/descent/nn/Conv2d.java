package dev.descent.nn;

import static java.util.Objects.requireNonNull;

import dev.descent.api.BatchBuffer;
import dev.descent.api.Initializer;
import dev.descent.api.Layer;
import dev.descent.api.Parameter;
import dev.descent.api.Pass;
import dev.descent.api.Shapes;
import dev.descent.api.Tensor;
import dev.descent.nn.init.Initializers;
import dev.descent.nn.kernel.Im2col;
import dev.descent.nn.kernel.Kernels;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * A 2-d convolution on NCHW batches, as PyTorch's {@code nn.Conv2d} (cross-correlation, zero padding): the
 * weight has shape [out_channels, in_channels / groups, kernel_h, kernel_w], the bias [out_channels]. The
 * input channels are split into {@code groups} groups, each convolved with its own out_channels / groups
 * filters; groups = in_channels is a depthwise convolution. in_channels is taken from the input shape at
 * {@link #initialize} (or at the first {@link #forward}, from {@link Linear#DEFAULT_SEED}).
 *
 * <p>An output position is {@code y[n, o, i, j] = b[o] + Σ W[o, c, p, q] · x[n, g·C/G + c, i·s_h − pad_h +
 * p·d_h, j·s_w − pad_w + q·d_w]}, and its size per axis {@code ⌊(size + 2·pad − dilation·(kernel − 1) −
 * 1) / stride⌋ + 1}. Weights are drawn by {@code init} (PyTorch's default kaiming_uniform with a = √5, a
 * bound of 1/√fan_in), the bias uniformly in ±1/√fan_in, fan_in = in_channels / groups · kernel_h · kernel_w.
 *
 * <p>Computed as im2col and GEMM per example and group ({@link Im2col}, {@link Kernels#gemm} on offsets
 * into the weight, the column matrix and the output); backward unfolds each example again rather than
 * keeping the columns of the whole batch. The column matrices are sized for the input shape and reused.
 */
public final class Conv2d implements Layer {
    private static final String NAME = "conv2d";

    private final int outChannels;
    private final Window2d window;
    private final int groups;
    /** out_channels / groups: the filters of one group. */
    private final int outGroup;
    private final boolean hasBias;
    private final Initializer init;
    /** 0 until the input shape is known. */
    private int inChannels;
    private Parameter weight;
    private Parameter bias;

    /** The spatial geometry the scratch is sized for: input height and width, output height and width. */
    private int height = -1;
    private int width = -1;
    private int outH;
    private int outW;
    /** Rows of a group's column matrix (in_channels / groups · kh · kw), its columns (outH · outW), C · H · W. */
    private int taps;
    private int positions;
    private int imageSize;
    /** [out_channels, outH, outW], for the output buffer; changed only with the geometry. */
    private final int[] outPerExample = new int[3];
    /** One example's column matrix, [in_channels · kh · kw, outH · outW], and its gradient. */
    private float[] columns = new float[0];
    private float[] columnGradient = new float[0];

    private Tensor lastInput;
    private final BatchBuffer output = new BatchBuffer();
    private final BatchBuffer inputGradient = new BatchBuffer();

    /**
     * A convolution; kernel, stride, padding and dilation are [height, width].
     *
     * @throws IllegalArgumentException if a size is out of range or out_channels is not divisible by groups
     */
    public Conv2d(int outChannels, int[] kernelSize, int[] stride, int[] padding, int[] dilation, int groups,
            boolean bias, Initializer init) {
        this.outChannels = requireAtLeast("out_channels", outChannels, 1);
        this.groups = requireAtLeast("groups", groups, 1);
        Window2d.requirePair(NAME, "kernel_size", kernelSize, 1);
        Window2d.requirePair(NAME, "stride", stride, 1);
        Window2d.requirePair(NAME, "padding", padding, 0);
        Window2d.requirePair(NAME, "dilation", dilation, 1);
        if (outChannels % groups != 0) {
            throw new IllegalArgumentException(NAME + ": out_channels must be divisible by groups, got out_channels="
                    + outChannels + " and groups=" + groups);
        }
        this.outGroup = outChannels / groups;
        this.window = new Window2d(kernelSize, stride, padding, dilation);
        this.hasBias = bias;
        this.init = requireNonNull(init, "init is null");
    }

    private static int requireAtLeast(String name, int value, int least) {
        if (value < least) {
            throw new IllegalArgumentException(NAME + ": " + name + " must be an integer >= " + least + ", got '"
                    + value + "'");
        }
        return value;
    }

    /**
     * Maps [in_channels, H, W] to [out_channels, H_out, W_out].
     *
     * @throws IllegalArgumentException if the shape is not [C, H, W], C does not fit the layer or the window
     *     leaves no output
     */
    @Override
    public int[] outputShape(int[] inputShape) {
        requireNonNull(inputShape, "inputShape is null");
        checkChannels(inputShape);
        return new int[] {outChannels, window.outputSize(NAME, inputShape, 0), window.outputSize(NAME, inputShape, 1)};
    }

    private void checkChannels(int[] perExample) {
        Window2d.requireImage(NAME, perExample);
        int channels = perExample[0];
        if (inChannels != 0 && channels != inChannels) {
            throw new IllegalArgumentException(NAME + ": expected " + inChannels + " input channels (in_channels),"
                    + " got per-example shape " + Shapes.toString(perExample));
        }
        if (channels < 1 || channels % groups != 0) {
            throw new IllegalArgumentException(NAME + ": in_channels must be divisible by groups=" + groups
                    + ", got " + channels + " channels in per-example shape " + Shapes.toString(perExample));
        }
    }

    /**
     * Takes in_channels from {@code inputShape} (on the first call) and draws the weight with {@code init},
     * then the bias; the parameter objects stay the same on later calls and their gradients are zeroed.
     */
    @Override
    public void initialize(int[] inputShape, RandomGenerator random) {
        requireNonNull(inputShape, "inputShape is null");
        requireNonNull(random, "random is null");
        outputShape(inputShape);
        if (weight == null) {
            inChannels = inputShape[0];
            weight = Parameter.of("weight", Tensor.zeros(outChannels, inChannels / groups, window.kernelH,
                    window.kernelW));
            bias = hasBias ? Parameter.of("bias", Tensor.zeros(outChannels)) : null;
        }
        init.initialize(weight.value(), random);
        if (bias != null) {
            double bound = 1.0 / Math.sqrt(Initializers.fans(weight.value().shapeView())[0]);
            float[] b = bias.value().data();
            for (int i = 0; i < b.length; i++) {
                b[i] = (float) random.nextDouble(-bound, bound);
            }
        }
        for (Parameter parameter : parameters()) {
            parameter.zeroGradient();
        }
        size(inputShape[1], inputShape[2]);
        lastInput = null;
        output.clear();
        inputGradient.clear();
    }

    /** Sizes the scratch for an input of {@code h × w}; nothing is allocated while the size stays the same. */
    private void size(int h, int w) {
        if (h == height && w == width) {
            return;
        }
        int[] perExample = {inChannels, h, w};
        int oh = window.outputSize(NAME, perExample, 0);
        int ow = window.outputSize(NAME, perExample, 1);
        long length = (long) inChannels * window.kernelH * window.kernelW * oh * ow;
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(NAME + ": the column matrix of one example of shape "
                    + Shapes.toString(perExample) + " would hold " + length + " elements, more than an array can");
        }
        height = h;
        width = w;
        outH = oh;
        outW = ow;
        outPerExample[0] = outChannels;
        outPerExample[1] = oh;
        outPerExample[2] = ow;
        taps = inChannels / groups * window.kernelH * window.kernelW;
        positions = oh * ow;
        imageSize = inChannels * h * w;
        if (columns.length < length) {
            columns = new float[(int) length];
            columnGradient = new float[(int) length];
        }
    }

    @Override
    public Tensor forward(Tensor input, Pass pass) {
        requireNonNull(input, "input is null");
        requireNonNull(pass, "pass is null");
        int[] shape = input.shapeView();
        Window2d.requireBatch(NAME, shape);
        if (weight == null) {
            initialize(new int[] {shape[1], shape[2], shape[3]}, new SplittableRandom(Linear.DEFAULT_SEED));
        }
        if (shape[1] != inChannels) {
            checkChannels(new int[] {shape[1], shape[2], shape[3]});
        }
        size(shape[2], shape[3]);
        int batch = shape[0];
        Tensor result = output.get(batch, outPerExample);
        float[] x = input.array();
        float[] y = result.data();
        float[] w = weight.value().data();
        for (int n = 0; n < batch; n++) {
            unfold(x, input.offset() + n * imageSize);
            int yImage = n * outChannels * positions;
            for (int g = 0; g < groups; g++) {
                Kernels.gemm(false, false, outGroup, positions, taps, w, g * outGroup * taps, taps,
                        columns, g * taps * positions, positions, false, y, yImage + g * outGroup * positions, positions);
            }
            if (bias != null) {
                float[] b = bias.value().data();
                for (int o = 0; o < outChannels; o++) {
                    float value = b[o];
                    for (int i = yImage + o * positions, end = i + positions; i < end; i++) {
                        y[i] += value;
                    }
                }
            }
        }
        lastInput = pass.training() ? input : null;
        return result;
    }

    private void unfold(float[] x, int offset) {
        Im2col.im2col(x, offset, inChannels, height, width, window.kernelH, window.kernelW, window.padH,
                window.padW, window.strideH, window.strideW, window.dilationH, window.dilationW, columns, 0);
    }

    /**
     * Adds {@code dY · colᵀ} per example and group to the weight's gradient and the sums of dY over batch and
     * positions to the bias's; returns {@code col2im(Wᵀ · dY)} when {@code inputGradient} is true, else null.
     *
     * @throws IllegalStateException if there was no training forward
     * @throws IllegalArgumentException if {@code outputGradient} does not have that forward's output shape
     */
    @Override
    public Tensor backward(Tensor outputGradient, boolean inputGradient) {
        requireNonNull(outputGradient, "outputGradient is null");
        if (lastInput == null) {
            throw new IllegalStateException(NAME + ": backward called without a training forward; call"
                    + " forward(input, Pass.training(random)) first");
        }
        int[] inShape = lastInput.shapeView();
        size(inShape[2], inShape[3]);
        int batch = inShape[0];
        Window2d.requireOutputGradient(NAME, outputGradient, batch, outPerExample);
        float[] x = lastInput.array();
        float[] dY = outputGradient.array();
        int dYOffset = outputGradient.offset();
        float[] w = weight.value().data();
        float[] dW = weight.gradient().data();
        Tensor dX = inputGradient ? this.inputGradient.zeroed(inShape) : null;
        for (int n = 0; n < batch; n++) {
            unfold(x, lastInput.offset() + n * imageSize);
            int dYImage = dYOffset + n * outChannels * positions;
            for (int g = 0; g < groups; g++) {
                int dYGroup = dYImage + g * outGroup * positions;
                Kernels.gemm(false, true, outGroup, taps, positions, dY, dYGroup, positions, columns,
                        g * taps * positions, positions, true, dW, g * outGroup * taps, taps);
                if (dX != null) {
                    Kernels.gemm(true, false, taps, positions, outGroup, w, g * outGroup * taps, taps, dY, dYGroup,
                            positions, false, columnGradient, g * taps * positions, positions);
                }
            }
            if (dX != null) {
                Im2col.col2im(columnGradient, 0, inChannels, height, width, window.kernelH, window.kernelW,
                        window.padH, window.padW, window.strideH, window.strideW, window.dilationH, window.dilationW,
                        dX.data(), n * imageSize);
            }
        }
        if (bias != null) {
            float[] dB = bias.gradient().data();
            for (int o = 0; o < outChannels; o++) {
                double total = 0;
                for (int n = 0; n < batch; n++) {
                    for (int i = dYOffset + (n * outChannels + o) * positions, end = i + positions; i < end; i++) {
                        total += dY[i];
                    }
                }
                dB[o] = (float) (dB[o] + total);
            }
        }
        return dX;
    }

    /**
     * {@code weight}, then {@code bias} if the layer has one.
     *
     * @throws IllegalStateException before in_channels is known
     */
    @Override
    public List<Parameter> parameters() {
        if (weight == null) {
            throw new IllegalStateException(this + ": in_channels is not known yet, so the parameters do not exist;"
                    + " call initialize(inputShape, random) or forward first");
        }
        return bias == null ? List.of(weight) : List.of(weight, bias);
    }

    /** The layer as a spec: {@code conv2d(out_channels=8, kernel_size=[3, 3], ...)}. */
    @Override
    public String toString() {
        return NAME + "(out_channels=" + outChannels + ", " + window.describe(true) + ", groups=" + groups
                + ", bias=" + hasBias + ")";
    }
}
