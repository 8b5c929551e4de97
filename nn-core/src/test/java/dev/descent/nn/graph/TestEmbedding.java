package dev.descent.nn.graph;

import dev.descent.api.BatchBuffer;
import dev.descent.api.Layer;
import dev.descent.api.Parameter;
import dev.descent.api.Pass;
import dev.descent.api.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A minimal stand-in for nn-core's {@code embedding} (written in parallel), enough to declare the
 * recommender: indices as floats, [N, ...] to [N, ..., D], weight [num_embeddings, D] drawn from N(0, 1)
 * as PyTorch's, no input gradient. Replace with {@code new Embedding(...)} once it lands.
 */
final class TestEmbedding implements Layer {
    private final int count;
    private final int dim;
    private final Parameter weight;
    private final BatchBuffer output = new BatchBuffer();
    private Tensor lastInput;

    TestEmbedding(int count, int dim) {
        this.count = count;
        this.dim = dim;
        this.weight = Parameter.of("weight", Tensor.zeros(count, dim));
    }

    Parameter weight() {
        return weight;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        int[] shape = Arrays.copyOf(inputShape, inputShape.length + 1);
        shape[inputShape.length] = dim;
        return shape;
    }

    @Override
    public void initialize(int[] inputShape, RandomGenerator random) {
        float[] w = weight.value().data();
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) random.nextGaussian();
        }
    }

    @Override
    public Tensor forward(Tensor input, Pass pass) {
        int[] in = input.shapeView();
        Tensor result = output.get(in[0], outputShape(Arrays.copyOfRange(in, 1, in.length)));
        float[] x = input.data();
        float[] w = weight.value().data();
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(w, index(x[i]) * dim, result.data(), i * dim, dim);
        }
        lastInput = pass.training() ? input : null;
        return result;
    }

    private int index(float value) {
        int index = (int) value;
        if (index != value || index < 0 || index >= count) {
            throw new IllegalArgumentException("embedding: index " + value + " is not an integer in [0, " + count + ")");
        }
        return index;
    }

    @Override
    public Tensor backward(Tensor outputGradient, boolean inputGradient) {
        if (lastInput == null) {
            throw new IllegalStateException("embedding: backward without a training forward");
        }
        float[] x = lastInput.data();
        float[] g = weight.gradient().data();
        float[] dY = outputGradient.data();
        for (int i = 0; i < x.length; i++) {
            int row = index(x[i]) * dim;
            for (int k = 0; k < dim; k++) {
                g[row + k] += dY[i * dim + k];
            }
        }
        return null;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weight);
    }

    @Override
    public String toString() {
        return "embedding(num_embeddings=" + count + ", embedding_dim=" + dim + ")";
    }
}
