package dev.descent.nn;

import static java.util.Objects.requireNonNull;

import dev.descent.api.BatchBuffer;
import dev.descent.api.Buffer;
import dev.descent.api.Layer;
import dev.descent.api.Parameter;
import dev.descent.api.Pass;
import dev.descent.api.Shapes;
import dev.descent.api.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Batch normalisation over the channel axis, as PyTorch's {@code nn.BatchNorm1d} on [N, C] or [N, C, L]
 * and {@code nn.BatchNorm2d} on [N, C, H, W], chosen by the input's rank: each channel is normalised with
 * the mean and variance of its N·L (or N·H·W) values, then scaled by {@code weight} and shifted by
 * {@code bias}. C is taken from the per-example shape at {@link #initialize}.
 *
 * <p>In a training pass the batch's statistics normalise (the biased variance) and, when the layer tracks
 * running statistics, update them: {@code running = (1 - momentum) running + momentum batch}, with the
 * unbiased variance for {@code running_var}, and {@code num_batches_tracked} counts the batches. An
 * inference pass normalises with the running statistics when they are tracked, with the batch's
 * otherwise, as PyTorch's eval mode. Statistics are summed in double.
 *
 * <p>Backward in a training pass goes through the batch statistics (PyTorch's training formula). With
 * {@link #freezeStatistics} a training pass normalises with the running statistics and leaves them
 * unchanged, and backward is the affine map alone: what PyTorch does for a module in eval mode (and Keras
 * for a batch normalisation layer that is not trainable), so a fine-tuned model can keep its statistics.
 *
 * <p>{@code num_batches_tracked} is a float scalar (PyTorch's is an int64 scalar): it counts exactly up
 * to 2²⁴ batches. PyTorch's {@code momentum=None} (a cumulative average) is left out: the spec grammar has
 * no {@code none} for a parameter with a default.
 */
public final class BatchNorm implements Layer {
    private final double momentum;
    private final double eps;
    private final boolean affine;
    private final boolean track;
    private boolean frozenStatistics;

    /** 0 until initialised. */
    private int channels;
    /** The num_features the spec gave, 0 when left to the input. */
    private int expectedChannels;
    private Parameter weight;
    private Parameter bias;
    private Buffer runningMean;
    private Buffer runningVar;
    private Buffer numBatchesTracked;
    private List<Parameter> parameters = List.of();
    private List<Buffer> buffers = List.of();

    /** Per channel, what the last forward normalised with: x̂ = (x - mean) · invStd. */
    private double[] mean = new double[0];
    private double[] invStd = new double[0];
    /** Whether the last training forward used the batch's statistics (so backward goes through them). */
    private boolean normalisedWithBatch;
    /** The input of the last training forward; null before one. */
    private Tensor lastInput;
    private final BatchBuffer output = new BatchBuffer();
    private final BatchBuffer inputGradient = new BatchBuffer();

    /**
     * @throws IllegalArgumentException if momentum is outside [0, 1] or eps is not positive
     */
    public BatchNorm(double momentum, double eps, boolean affine, boolean trackRunningStats) {
        if (!(momentum >= 0 && momentum <= 1)) {
            throw new IllegalArgumentException("batch_norm: momentum must lie in [0, 1], got '" + momentum + "'");
        }
        if (!(eps > 0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException("batch_norm: eps must be a finite number > 0, got '" + eps + "'");
        }
        this.momentum = momentum;
        this.eps = eps;
        this.affine = affine;
        this.track = trackRunningStats;
    }

    /** PyTorch's defaults: momentum 0.1, eps 1e-5, affine, tracking running statistics. */
    public BatchNorm() {
        this(0.1, 1e-5, true, true);
    }

    /**
     * Makes {@link #initialize} refuse an input whose channels are not {@code numFeatures} (PyTorch's
     * {@code num_features}, which the input otherwise gives).
     *
     * @throws IllegalArgumentException if numFeatures is below 1
     */
    public void expectChannels(int numFeatures) {
        if (numFeatures < 1) {
            throw new IllegalArgumentException("batch_norm: num_features must be an integer >= 1, got '"
                    + numFeatures + "'");
        }
        expectedChannels = numFeatures;
    }

    /**
     * Whether a training pass normalises with the running statistics (leaving them unchanged) instead of the
     * batch's, as a PyTorch module in eval mode; off by default.
     *
     * @throws IllegalStateException if the layer does not track running statistics
     */
    public void freezeStatistics(boolean frozen) {
        if (frozen && !track) {
            throw new IllegalStateException(this + " has no running statistics to freeze; create it with"
                    + " track_running_stats=true");
        }
        frozenStatistics = frozen;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        requireNonNull(inputShape, "inputShape is null");
        checkPerExample(inputShape);
        return inputShape.clone();
    }

    private void checkPerExample(int[] perExample) {
        if (perExample.length < 1 || perExample.length > 3) {
            throw new IllegalArgumentException("batch_norm: expected examples of shape [C], [C, L] or [C, H, W]"
                    + " (a batch of rank 2, 3 or 4), got per-example shape " + Shapes.toString(perExample));
        }
        if (expectedChannels != 0 && perExample[0] != expectedChannels) {
            throw new IllegalArgumentException("batch_norm: num_features=" + expectedChannels + " but the input has "
                    + perExample[0] + " channels (axis 1 of the batch), per-example shape "
                    + Shapes.toString(perExample));
        }
        if (channels != 0 && perExample[0] != channels) {
            throw new IllegalArgumentException("batch_norm: expected " + channels + " channels (axis 1 of the"
                    + " batch), got per-example shape " + Shapes.toString(perExample));
        }
        if (perExample[0] < 1) {
            throw new IllegalArgumentException("batch_norm: cannot normalise 0 channels, per-example shape "
                    + Shapes.toString(perExample));
        }
    }

    /**
     * Takes C from {@code inputShape[0]} and resets weight to ones, bias to zeros, the running mean to zeros,
     * the running variance to ones and the batch count to 0, as PyTorch's {@code reset_parameters}. The
     * objects stay the same once made, so references to them stay valid.
     */
    @Override
    public void initialize(int[] inputShape, RandomGenerator random) {
        requireNonNull(inputShape, "inputShape is null");
        checkPerExample(inputShape);
        if (channels == 0) {
            channels = inputShape[0];
            List<Parameter> params = new ArrayList<>();
            if (affine) {
                weight = Parameter.of("weight", Tensor.zeros(channels));
                bias = Parameter.of("bias", Tensor.zeros(channels));
                params.add(weight);
                params.add(bias);
            }
            List<Buffer> state = new ArrayList<>();
            if (track) {
                runningMean = Buffer.of("running_mean", Tensor.zeros(channels));
                runningVar = Buffer.of("running_var", Tensor.zeros(channels));
                numBatchesTracked = Buffer.of("num_batches_tracked", Tensor.zeros());
                state.add(runningMean);
                state.add(runningVar);
                state.add(numBatchesTracked);
            }
            parameters = List.copyOf(params);
            buffers = List.copyOf(state);
            mean = new double[channels];
            invStd = new double[channels];
        }
        if (affine) {
            weight.value().fill(1f);
            bias.value().fill(0f);
            weight.zeroGradient();
            bias.zeroGradient();
        }
        if (track) {
            runningMean.value().fill(0f);
            runningVar.value().fill(1f);
            numBatchesTracked.value().fill(0f);
        }
        lastInput = null;
        output.clear();
        inputGradient.clear();
    }

    @Override
    public Tensor forward(Tensor input, Pass pass) {
        requireNonNull(input, "input is null");
        requireNonNull(pass, "pass is null");
        int[] shape = input.shapeView();
        if (shape.length < 2 || shape.length > 4) {
            throw new IllegalArgumentException("batch_norm: expected a batch of rank 2 ([N, C]), 3 ([N, C, L]) or 4"
                    + " ([N, C, H, W]), got shape " + Shapes.toString(shape));
        }
        requireInitialized();
        if (shape[1] != channels) {
            throw new IllegalArgumentException("batch_norm: expected " + channels + " channels (axis 1), got"
                    + " shape " + Shapes.toString(shape));
        }
        int n = shape[0];
        int spatial = input.size() / Math.max(1, n * channels);
        boolean useBatch = pass.training() ? !frozenStatistics : !track;
        float[] x = input.array();
        int xOffset = input.offset();
        if (useBatch) {
            long count = (long) n * spatial;
            if (count <= 1) {
                throw new IllegalArgumentException("batch_norm: Expected more than 1 value per channel when"
                        + " training, got input size " + Shapes.toString(shape));
            }
            batchStatistics(x, xOffset, n, spatial, count, pass.training() && track);
        } else {
            float[] rm = runningMean.value().data();
            float[] rv = runningVar.value().data();
            for (int c = 0; c < channels; c++) {
                mean[c] = rm[c];
                invStd[c] = 1.0 / Math.sqrt(rv[c] + eps);
            }
        }

        Tensor result = output.get(shape);
        float[] y = result.data();
        float[] w = affine ? weight.value().data() : null;
        float[] b = affine ? bias.value().data() : null;
        for (int c = 0; c < channels; c++) {
            double scale = affine ? invStd[c] * w[c] : invStd[c];
            double shift = (affine ? b[c] : 0.0) - mean[c] * scale;
            for (int i = 0; i < n; i++) {
                int at = (i * channels + c) * spatial;
                for (int s = at; s < at + spatial; s++) {
                    y[s] = (float) (x[xOffset + s] * scale + shift);
                }
            }
        }
        lastInput = pass.training() ? input : null;
        normalisedWithBatch = useBatch;
        return result;
    }

    /** The batch's mean and 1/√(biased variance + eps) per channel, and the running update when asked. */
    private void batchStatistics(float[] x, int offset, int n, int spatial, long count, boolean update) {
        float[] rm = update ? runningMean.value().data() : null;
        float[] rv = update ? runningVar.value().data() : null;
        for (int c = 0; c < channels; c++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                int at = offset + (i * channels + c) * spatial;
                for (int s = at; s < at + spatial; s++) {
                    sum += x[s];
                }
            }
            double m = sum / count;
            double squares = 0;
            for (int i = 0; i < n; i++) {
                int at = offset + (i * channels + c) * spatial;
                for (int s = at; s < at + spatial; s++) {
                    double d = x[s] - m;
                    squares += d * d;
                }
            }
            mean[c] = m;
            invStd[c] = 1.0 / Math.sqrt(squares / count + eps);
            if (update) {
                rm[c] = (float) ((1 - momentum) * rm[c] + momentum * m);
                rv[c] = (float) ((1 - momentum) * rv[c] + momentum * (squares / (count - 1)));
            }
        }
        if (update) {
            numBatchesTracked.value().data()[0] += 1f;
        }
    }

    /**
     * Adds Σ dy·x̂ to weight's gradient and Σ dy to bias's, per channel, and returns
     * {@code dx = w·invStd·(dy - mean(dy) - x̂·mean(dy·x̂))} through the batch statistics, or
     * {@code dx = w·invStd·dy} when the forward used the running statistics.
     */
    @Override
    public Tensor backward(Tensor outputGradient, boolean needInputGradient) {
        requireNonNull(outputGradient, "outputGradient is null");
        if (lastInput == null) {
            throw new IllegalStateException("batch_norm: backward called without a training forward; call"
                    + " forward(input, Pass.training(random)) first");
        }
        int[] shape = lastInput.shapeView();
        if (!outputGradient.hasShape(shape)) {
            throw new IllegalArgumentException("batch_norm: output gradient of shape "
                    + Shapes.toString(outputGradient.shapeView()) + " does not match the output of the last"
                    + " training forward, shape " + Shapes.toString(shape));
        }
        int n = shape[0];
        int spatial = lastInput.size() / Math.max(1, n * channels);
        long count = (long) n * spatial;
        float[] x = lastInput.array();
        int xOffset = lastInput.offset();
        float[] dy = outputGradient.array();
        int dyOffset = outputGradient.offset();
        float[] dx = needInputGradient ? inputGradient.get(shape).data() : null;
        float[] w = affine ? weight.value().data() : null;
        for (int c = 0; c < channels; c++) {
            double m = mean[c];
            double is = invStd[c];
            double sumDy = 0;
            double sumDyXhat = 0;
            for (int i = 0; i < n; i++) {
                int at = (i * channels + c) * spatial;
                for (int s = at; s < at + spatial; s++) {
                    double g = dy[dyOffset + s];
                    sumDy += g;
                    sumDyXhat += g * (x[xOffset + s] - m) * is;
                }
            }
            if (affine) {
                weight.gradient().data()[c] += (float) sumDyXhat;
                bias.gradient().data()[c] += (float) sumDy;
            }
            if (dx == null) {
                continue;
            }
            double scale = affine ? w[c] * is : is;
            double meanDy = normalisedWithBatch ? sumDy / count : 0;
            double meanDyXhat = normalisedWithBatch ? sumDyXhat / count : 0;
            for (int i = 0; i < n; i++) {
                int at = (i * channels + c) * spatial;
                for (int s = at; s < at + spatial; s++) {
                    double xhat = (x[xOffset + s] - m) * is;
                    dx[s] = (float) (scale * (dy[dyOffset + s] - meanDy - xhat * meanDyXhat));
                }
            }
        }
        return dx == null ? null : inputGradient.get(shape);
    }

    private void requireInitialized() {
        if (channels == 0) {
            throw new IllegalStateException(this + ": the number of channels is not known yet; call"
                    + " initialize(inputShape, random) first");
        }
    }

    /**
     * {@code weight}, then {@code bias}, when affine; empty otherwise.
     *
     * @throws IllegalStateException before {@link #initialize}, which sizes them
     */
    @Override
    public List<Parameter> parameters() {
        requireInitialized();
        return parameters;
    }

    /**
     * {@code running_mean}, {@code running_var}, {@code num_batches_tracked} when tracking; empty otherwise.
     *
     * @throws IllegalStateException before {@link #initialize}, which sizes them
     */
    @Override
    public List<Buffer> buffers() {
        requireInitialized();
        return buffers;
    }

    /** The number of channels, 0 until initialised. */
    public int channels() {
        return channels;
    }

    @Override
    public String toString() {
        return "batch_norm(" + (channels == 0 ? "" : "num_features=" + channels + ", ") + "momentum=" + momentum
                + ", eps=" + eps + ", affine=" + affine + ", track_running_stats=" + track + ")";
    }
}
