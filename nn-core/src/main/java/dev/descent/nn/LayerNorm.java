package dev.descent.nn;

import static java.util.Objects.requireNonNull;

import dev.descent.api.BatchBuffer;
import dev.descent.api.Layer;
import dev.descent.api.Parameter;
import dev.descent.api.Pass;
import dev.descent.api.Shapes;
import dev.descent.api.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Layer normalisation, as PyTorch's {@code nn.LayerNorm}: each example's trailing {@code dims} axes are
 * normalised together with their own mean and biased variance, then scaled by {@code weight} and shifted
 * by {@code bias}, both of the shape of those axes (PyTorch's {@code normalized_shape}, here taken from
 * the per-example shape at {@link #initialize}). Training and inference compute the same; statistics are
 * summed in double.
 */
public final class LayerNorm implements Layer {
    private final double eps;
    private final boolean affine;
    private final int dims;

    /** The normalised axes; null until initialised. */
    private int[] normalizedShape;
    /** How many values each row normalises: the product of {@link #normalizedShape}. */
    private int features;
    private Parameter weight;
    private Parameter bias;
    private List<Parameter> parameters = List.of();

    /** Per row of the last forward: x̂ = (x - mean) · invStd. Grown when a batch has more rows. */
    private double[] mean = new double[0];
    private double[] invStd = new double[0];
    /** Per feature, the weight and bias gradients summed over the rows before they are added. */
    private double[] weightSums = new double[0];
    private double[] biasSums = new double[0];
    private Tensor lastInput;
    private final BatchBuffer output = new BatchBuffer();
    private final BatchBuffer inputGradient = new BatchBuffer();

    /**
     * @throws IllegalArgumentException if eps is not positive or dims is below 1
     */
    public LayerNorm(double eps, boolean elementwiseAffine, int dims) {
        if (!(eps > 0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException("layer_norm: eps must be a finite number > 0, got '" + eps + "'");
        }
        if (dims < 1) {
            throw new IllegalArgumentException("layer_norm: dims must be an integer >= 1, got '" + dims + "'");
        }
        this.eps = eps;
        this.affine = elementwiseAffine;
        this.dims = dims;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        requireNonNull(inputShape, "inputShape is null");
        checkPerExample(inputShape);
        return inputShape.clone();
    }

    private void checkPerExample(int[] perExample) {
        if (perExample.length < dims) {
            throw new IllegalArgumentException("layer_norm: normalises the last " + dims + " axes of each example,"
                    + " but the per-example shape " + Shapes.toString(perExample) + " has " + perExample.length);
        }
        if (normalizedShape != null && !trailingMatch(perExample, 0)) {
            throw new IllegalArgumentException("layer_norm: expected examples ending in " + Shapes.toString(
                    normalizedShape) + " (normalized_shape), got per-example shape " + Shapes.toString(perExample));
        }
    }

    /** Whether {@code shape} ends in the normalised shape with at least {@code first} axes before it. */
    private boolean trailingMatch(int[] shape, int first) {
        int start = shape.length - dims;
        if (start < first) {
            return false;
        }
        for (int i = 0; i < dims; i++) {
            if (shape[start + i] != normalizedShape[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Takes normalized_shape from the last {@code dims} axes of {@code inputShape}, and sets weight to ones
     * and bias to zeros, as PyTorch's {@code reset_parameters}.
     */
    @Override
    public void initialize(int[] inputShape, RandomGenerator random) {
        requireNonNull(inputShape, "inputShape is null");
        checkPerExample(inputShape);
        if (normalizedShape == null) {
            normalizedShape = Arrays.copyOfRange(inputShape, inputShape.length - dims, inputShape.length);
            features = (int) Shapes.size(normalizedShape);
            if (affine) {
                weight = Parameter.of("weight", Tensor.zeros(normalizedShape));
                bias = Parameter.of("bias", Tensor.zeros(normalizedShape));
                parameters = List.of(weight, bias);
                weightSums = new double[features];
                biasSums = new double[features];
            }
        }
        if (affine) {
            weight.value().fill(1f);
            bias.value().fill(0f);
            weight.zeroGradient();
            bias.zeroGradient();
        }
        lastInput = null;
        output.clear();
        inputGradient.clear();
    }

    @Override
    public Tensor forward(Tensor input, Pass pass) {
        requireNonNull(input, "input is null");
        requireNonNull(pass, "pass is null");
        requireInitialized();
        int[] shape = input.shapeView();
        if (!trailingMatch(shape, 1)) {
            throw new IllegalArgumentException("layer_norm: expected a batch ending in " + Shapes.toString(
                    normalizedShape) + " (normalized_shape) after its batch axis, got shape " + Shapes.toString(shape));
        }
        int rows = features == 0 ? 0 : input.size() / features;
        if (mean.length < rows) {
            mean = new double[rows];
            invStd = new double[rows];
        }
        float[] x = input.array();
        int xOffset = input.offset();
        Tensor result = output.get(shape);
        float[] y = result.data();
        float[] w = affine ? weight.value().data() : null;
        float[] b = affine ? bias.value().data() : null;
        for (int r = 0; r < rows; r++) {
            int at = xOffset + r * features;
            double sum = 0;
            for (int j = 0; j < features; j++) {
                sum += x[at + j];
            }
            double m = sum / features;
            double squares = 0;
            for (int j = 0; j < features; j++) {
                double d = x[at + j] - m;
                squares += d * d;
            }
            double is = 1.0 / Math.sqrt(squares / features + eps);
            mean[r] = m;
            invStd[r] = is;
            int out = r * features;
            for (int j = 0; j < features; j++) {
                double xhat = (x[at + j] - m) * is;
                y[out + j] = (float) (affine ? xhat * w[j] + b[j] : xhat);
            }
        }
        lastInput = pass.training() ? input : null;
        return result;
    }

    /**
     * Adds Σ dy·x̂ (over the rows) to weight's gradient and Σ dy to bias's, and returns
     * {@code dx = invStd·(g - mean(g) - x̂·mean(g·x̂))} with {@code g = dy·w} per row.
     */
    @Override
    public Tensor backward(Tensor outputGradient, boolean needInputGradient) {
        requireNonNull(outputGradient, "outputGradient is null");
        if (lastInput == null) {
            throw new IllegalStateException("layer_norm: backward called without a training forward; call"
                    + " forward(input, Pass.training(random)) first");
        }
        int[] shape = lastInput.shapeView();
        if (!outputGradient.hasShape(shape)) {
            throw new IllegalArgumentException("layer_norm: output gradient of shape "
                    + Shapes.toString(outputGradient.shapeView()) + " does not match the output of the last"
                    + " training forward, shape " + Shapes.toString(shape));
        }
        int rows = features == 0 ? 0 : lastInput.size() / features;
        float[] x = lastInput.array();
        int xOffset = lastInput.offset();
        float[] dy = outputGradient.array();
        int dyOffset = outputGradient.offset();
        float[] w = affine ? weight.value().data() : null;
        Tensor result = needInputGradient ? inputGradient.get(shape) : null;
        float[] dx = result == null ? null : result.data();
        if (affine) {
            Arrays.fill(weightSums, 0);
            Arrays.fill(biasSums, 0);
        }
        for (int r = 0; r < rows; r++) {
            int at = xOffset + r * features;
            int g0 = dyOffset + r * features;
            double m = mean[r];
            double is = invStd[r];
            double sumG = 0;
            double sumGXhat = 0;
            for (int j = 0; j < features; j++) {
                double xhat = (x[at + j] - m) * is;
                double g = dy[g0 + j];
                if (affine) {
                    weightSums[j] += g * xhat;
                    biasSums[j] += g;
                    g *= w[j];
                }
                sumG += g;
                sumGXhat += g * xhat;
            }
            if (dx == null) {
                continue;
            }
            double meanG = sumG / features;
            double meanGXhat = sumGXhat / features;
            int out = r * features;
            for (int j = 0; j < features; j++) {
                double xhat = (x[at + j] - m) * is;
                double g = affine ? dy[g0 + j] * (double) w[j] : dy[g0 + j];
                dx[out + j] = (float) (is * (g - meanG - xhat * meanGXhat));
            }
        }
        if (affine) {
            float[] dw = weight.gradient().data();
            float[] db = bias.gradient().data();
            for (int j = 0; j < features; j++) {
                dw[j] += (float) weightSums[j];
                db[j] += (float) biasSums[j];
            }
        }
        return result;
    }

    /**
     * {@code weight}, then {@code bias}, when elementwise_affine; empty otherwise.
     *
     * @throws IllegalStateException before {@link #initialize}, which sizes them
     */
    @Override
    public List<Parameter> parameters() {
        requireInitialized();
        return parameters;
    }

    private void requireInitialized() {
        if (normalizedShape == null) {
            throw new IllegalStateException(this + ": normalized_shape is not known yet; call"
                    + " initialize(inputShape, random) first");
        }
    }

    /** The normalised axes (PyTorch's normalized_shape), empty until initialised. */
    public int[] normalizedShape() {
        return normalizedShape == null ? new int[0] : normalizedShape.clone();
    }

    @Override
    public String toString() {
        return "layer_norm(" + (normalizedShape == null ? "" : "normalized_shape=" + Shapes.toString(normalizedShape)
                + ", ") + "eps=" + eps + ", elementwise_affine=" + affine + ", dims=" + dims + ")";
    }
}
