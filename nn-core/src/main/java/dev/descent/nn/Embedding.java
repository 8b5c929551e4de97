package dev.descent.nn;

import static java.util.Objects.requireNonNull;

import dev.descent.api.BatchBuffer;
import dev.descent.api.Initializer;
import dev.descent.api.Layer;
import dev.descent.api.Parameter;
import dev.descent.api.Pass;
import dev.descent.api.Shapes;
import dev.descent.api.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * A lookup table, as PyTorch's {@code nn.Embedding}: an input of any shape [N, ...] holding indices maps to
 * [N, ..., embedding_dim], each index replaced by its row of the weight [num_embeddings, embedding_dim].
 * Indices come as floats (a tensor holds floats) and each must be a whole number in [0, num_embeddings);
 * another is refused, naming its position and value.
 *
 * <p>The weight is drawn by {@code init}, normal(0, 1) by default as PyTorch's, and the row of
 * {@code padding_idx} (negative counts from the end, as PyTorch) is then zeroed; backward never adds to
 * that row, so it keeps its value (the forward still reads it, as PyTorch's). Backward adds each output
 * gradient row into the row of its index, so an index repeated in a batch accumulates.
 *
 * <p>The input is data, not a differentiable value: {@link #differentiableInput()} is false and
 * {@link #backward} returns null even when asked for the input gradient. A graph model feeds an embedding
 * from its inputs. PyTorch's {@code max_norm}, {@code scale_grad_by_freq} and {@code sparse} are left out.
 *
 * <p>Until {@link #initialize} is called, the weight is that drawn from {@link Linear#DEFAULT_SEED}.
 */
public final class Embedding implements Layer {
    private final int numEmbeddings;
    private final int embeddingDim;
    /** Resolved to [0, num_embeddings), or -1 for none. */
    private final int paddingIdx;
    private final Initializer init;
    private final Parameter weight;
    private final List<Parameter> parameters;
    /** The input of the last training forward; null before one. */
    private Tensor lastInput;
    private final BatchBuffer output = new BatchBuffer();
    /** The full output shape of the last forward, rewritten in place so that a new batch size allocates nothing. */
    private int[] outputShape = new int[0];

    /**
     * @param paddingIdx the row to keep at zero and out of training, negative counting from the end; null
     *     for none
     * @throws IllegalArgumentException if a size is below 1 or paddingIdx is outside [-num_embeddings,
     *     num_embeddings)
     */
    public Embedding(int numEmbeddings, int embeddingDim, Integer paddingIdx, Initializer init) {
        if (numEmbeddings < 1) {
            throw new IllegalArgumentException("embedding: num_embeddings must be an integer >= 1, got '"
                    + numEmbeddings + "'");
        }
        if (embeddingDim < 1) {
            throw new IllegalArgumentException("embedding: embedding_dim must be an integer >= 1, got '"
                    + embeddingDim + "'");
        }
        if (paddingIdx != null && (paddingIdx >= numEmbeddings || paddingIdx < -numEmbeddings)) {
            throw new IllegalArgumentException("embedding: padding_idx must be within num_embeddings, in ["
                    + -numEmbeddings + ", " + numEmbeddings + "), got '" + paddingIdx + "'");
        }
        this.numEmbeddings = numEmbeddings;
        this.embeddingDim = embeddingDim;
        this.paddingIdx = paddingIdx == null ? -1 : paddingIdx < 0 ? paddingIdx + numEmbeddings : paddingIdx;
        this.init = requireNonNull(init, "init is null");
        this.weight = Parameter.of("weight", Tensor.zeros(numEmbeddings, embeddingDim));
        this.parameters = List.of(weight);
        draw(new SplittableRandom(Linear.DEFAULT_SEED));
    }

    private void draw(RandomGenerator random) {
        init.initialize(weight.value(), random);
        if (paddingIdx >= 0) {
            Arrays.fill(weight.value().data(), paddingIdx * embeddingDim, (paddingIdx + 1) * embeddingDim, 0f);
        }
    }

    /** Any per-example shape of indices, with embedding_dim appended. */
    @Override
    public int[] outputShape(int[] inputShape) {
        requireNonNull(inputShape, "inputShape is null");
        int[] shape = Arrays.copyOf(inputShape, inputShape.length + 1);
        shape[inputShape.length] = embeddingDim;
        return shape;
    }

    /** Draws the weight from {@code random} with {@code init}, zeroes the padding row and the gradient. */
    @Override
    public void initialize(int[] inputShape, RandomGenerator random) {
        requireNonNull(inputShape, "inputShape is null");
        requireNonNull(random, "random is null");
        draw(random);
        weight.zeroGradient();
        lastInput = null;
        output.clear();
    }

    @Override
    public boolean differentiableInput() {
        return false;
    }

    /**
     * The rows of the indices in {@code input}.
     *
     * @throws IllegalArgumentException naming the first index that is not a whole number in
     *     [0, num_embeddings), with its position
     */
    @Override
    public Tensor forward(Tensor input, Pass pass) {
        requireNonNull(input, "input is null");
        requireNonNull(pass, "pass is null");
        int[] shape = input.shapeView();
        if (shape.length < 1) {
            throw new IllegalArgumentException("embedding: expected a batch of indices of rank >= 1, got a scalar");
        }
        if (outputShape.length != shape.length + 1) {
            outputShape = outputShape(shape);
        } else {
            // In place: BatchBuffer copies the shapes it keeps, so the last and the smaller batch alternate freely.
            System.arraycopy(shape, 0, outputShape, 0, shape.length);
        }
        float[] x = input.array();
        int xOffset = input.offset();
        int count = input.size();
        for (int p = 0; p < count; p++) {
            float v = x[xOffset + p];
            if (!(v >= 0 && v < numEmbeddings && v == (int) v)) {
                throw new IllegalArgumentException("embedding: the index at " + position(p, shape) + " of the input"
                        + " (shape " + Shapes.toString(shape) + ") is " + v + "; expected a whole number in [0, "
                        + numEmbeddings + ") (num_embeddings)");
            }
        }
        Tensor result = output.get(outputShape);
        float[] y = result.data();
        float[] w = weight.value().data();
        for (int p = 0; p < count; p++) {
            System.arraycopy(w, (int) x[xOffset + p] * embeddingDim, y, p * embeddingDim, embeddingDim);
        }
        lastInput = pass.training() ? input : null;
        return result;
    }

    /** The full index of a flat position: {@code [1, 0]}. */
    private static String position(int flat, int[] shape) {
        int[] index = new int[shape.length];
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            index[axis] = flat % shape[axis];
            flat /= shape[axis];
        }
        return Arrays.toString(index);
    }

    /**
     * Adds each row of {@code outputGradient} into the weight gradient's row of its index (scatter-add),
     * except for the padding row, and returns null: the input holds indices, which have no gradient.
     */
    @Override
    public Tensor backward(Tensor outputGradient, boolean inputGradient) {
        requireNonNull(outputGradient, "outputGradient is null");
        if (lastInput == null) {
            throw new IllegalStateException("embedding: backward called without a training forward; call"
                    + " forward(input, Pass.training(random)) first");
        }
        if (!outputGradient.hasShape(outputShape)) {
            throw new IllegalArgumentException("embedding: output gradient of shape "
                    + Shapes.toString(outputGradient.shapeView()) + " does not match the output of the last"
                    + " training forward, shape " + Shapes.toString(outputShape));
        }
        float[] x = lastInput.array();
        int xOffset = lastInput.offset();
        float[] dy = outputGradient.array();
        int dyOffset = outputGradient.offset();
        float[] dw = weight.gradient().data();
        for (int p = 0, count = lastInput.size(); p < count; p++) {
            int row = (int) x[xOffset + p];
            if (row == paddingIdx) {
                continue;
            }
            int to = row * embeddingDim;
            int from = dyOffset + p * embeddingDim;
            for (int j = 0; j < embeddingDim; j++) {
                dw[to + j] += dy[from + j];
            }
        }
        return null;
    }

    /** {@code weight}, [num_embeddings, embedding_dim]. */
    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    public Parameter weight() {
        return weight;
    }

    /** The padding row in [0, num_embeddings), or -1 without one. */
    public int paddingIdx() {
        return paddingIdx;
    }

    @Override
    public String toString() {
        return "embedding(num_embeddings=" + numEmbeddings + ", embedding_dim=" + embeddingDim
                + (paddingIdx >= 0 ? ", padding_idx=" + paddingIdx : "") + ")";
    }
}
