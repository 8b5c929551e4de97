package dev.descent.nn;

import static java.util.Objects.requireNonNull;

import dev.descent.api.BatchBuffer;
import dev.descent.api.Layer;
import dev.descent.api.Pass;
import dev.descent.api.Shapes;
import dev.descent.api.Tensor;
import java.util.random.RandomGenerator;

/**
 * Inverted dropout, as PyTorch's {@code nn.Dropout}: in a training pass each element is kept with probability
 * {@code 1 - p} and scaled by {@code 1 / (1 - p)}, or set to 0, so the expected output is the input; in an
 * inference pass the layer is the identity. The mask is drawn from {@link Pass#random()}, one
 * {@code nextDouble()} per element in row-major order (kept when it is {@code >= p}), and kept for backward,
 * which multiplies the output gradient by the same mask. So a seeded run repeats exactly, though the masks are
 * not PyTorch's, whose generator differs.
 *
 * <p>As PyTorch: {@code p = 0} passes the input unchanged (and draws nothing); {@code p = 1} multiplies it by 0,
 * so the output and the gradient are zeros (NaN times 0 stays NaN). A dropped element is {@code x · 0}, so NaN
 * stays NaN there too, as PyTorch's {@code input * mask}.
 */
public final class Dropout implements Layer {
    /** PyTorch's default probability of dropping an element. */
    public static final double DEFAULT_P = 0.5;

    private final double p;
    /** What a kept element is multiplied by: 1 / (1 - p), or 0 when p = 1. */
    private final float scale;
    private final BatchBuffer output = new BatchBuffer();
    private final BatchBuffer masks = new BatchBuffer();
    private final BatchBuffer inputGradient = new BatchBuffer();
    /** The mask of the last training forward (0 or scale per element); null before one and after inference. */
    private Tensor lastMask;
    /** The output of the last training forward, for the shape check of backward. */
    private Tensor lastOutput;

    /**
     * @param p the probability of dropping an element, in [0, 1]
     * @throws IllegalArgumentException for a p outside [0, 1], with PyTorch's wording
     */
    public Dropout(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("dropout: probability p has to be between 0 and 1, but got '"
                    + Activations.format(p) + "'");
        }
        this.p = p;
        this.scale = p == 1 ? 0f : (float) (1 / (1 - p));
    }

    /** The probability of dropping an element. */
    public double p() {
        return p;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        requireNonNull(inputShape, "inputShape is null");
        return inputShape.clone();
    }

    @Override
    public Tensor forward(Tensor input, Pass pass) {
        requireNonNull(input, "input is null");
        requireNonNull(pass, "pass is null");
        int[] shape = input.shapeView();
        Tensor result = output.get(shape);
        float[] x = input.array();
        int from = input.offset();
        float[] y = result.array();
        int n = result.size();
        if (!pass.training() || p == 0) {
            System.arraycopy(x, from, y, 0, n);
            lastMask = null;
            lastOutput = pass.training() ? result : null;
            return result;
        }
        Tensor mask = masks.get(shape);
        float[] m = mask.array();
        RandomGenerator random = pass.random();
        for (int i = 0; i < n; i++) {
            m[i] = p == 1 || random.nextDouble() < p ? 0f : scale;
            y[i] = x[from + i] * m[i];
        }
        lastMask = mask;
        lastOutput = result;
        return result;
    }

    /**
     * The output gradient times the mask of the last training forward (unchanged for p = 0), or null when
     * {@code inputGradient} is false.
     *
     * @throws IllegalStateException if there was no training forward
     * @throws IllegalArgumentException if {@code outputGradient} does not have that forward's shape
     */
    @Override
    public Tensor backward(Tensor outputGradient, boolean inputGradient) {
        requireNonNull(outputGradient, "outputGradient is null");
        Shapes.requireBackward("dropout", lastOutput == null ? null : lastOutput.shapeView(), outputGradient);
        if (!inputGradient) {
            return null;
        }
        Tensor result = this.inputGradient.get(outputGradient.shapeView());
        float[] dY = outputGradient.array();
        int from = outputGradient.offset();
        float[] dX = result.array();
        int n = result.size();
        if (lastMask == null) {
            System.arraycopy(dY, from, dX, 0, n);
            return result;
        }
        float[] m = lastMask.array();
        for (int i = 0; i < n; i++) {
            dX[i] = dY[from + i] * m[i];
        }
        return result;
    }

    /** {@code dropout(p=0.5)}. */
    @Override
    public String toString() {
        return "dropout(p=" + Activations.format(p) + ")";
    }
}
