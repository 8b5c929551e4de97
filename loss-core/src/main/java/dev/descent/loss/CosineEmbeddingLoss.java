package dev.descent.loss;

import dev.descent.api.Reduction;
import dev.descent.api.Shapes;
import dev.descent.api.Tensor;

/**
 * The cosine embedding loss, PyTorch's {@code CosineEmbeddingLoss}: for two embeddings {@code x1}, {@code x2}
 * of a sample and a target {@code y} of 1 (similar) or -1 (dissimilar),
 * <pre>
 *   loss = 1 - cos(x1, x2)               if y = 1
 *   loss = max(0, cos(x1, x2) - margin)  if y = -1
 * </pre>
 * Use it to learn embeddings whose direction carries the similarity (text, faces, retrieval) from pairs.
 * Parameter {@code margin}, default 0, in [-1, 1] (PyTorch suggests 0 to 0.5).
 *
 * <p>The cosine is PyTorch's: {@code cos = x1·x2 / sqrt((|x1|² + ε)(|x2|² + ε))} with {@code ε = 1e-12} added
 * to each squared norm, as PyTorch's implementation does (its {@code EPSILON}, checked against torch 1.13: two
 * equal vectors of norm 1e-6 have cosine 0.5). So a zero vector has cosine 0 and a finite gradient.
 *
 * <p>Shapes: predictions {@code [N, 2, D]} with {@code x1} and {@code x2} stacked on axis 1 (PyTorch takes
 * them as two tensors), targets {@code [N]} of -1 or 1; any other target is refused naming its index and
 * value (PyTorch would give such a sample the loss 0). {@link #unreduced} is {@code [N]}.
 *
 * <p>Gradient: {@code d cos / d x1 = x2 / sqrt(...) - cos x1 / (|x1|² + ε)}, and symmetrically for
 * {@code x2}, times -1 for {@code y = 1} and, for {@code y = -1}, 1 where {@code cos - margin >= 0} (at the
 * margin too, PyTorch's {@code clamp_min} choice) and 0 beyond. NaN in a sample makes its loss and gradient
 * NaN, as in PyTorch.
 *
 * <p>Deviations from PyTorch: the sums are taken in double, so vectors of norm above about 1e9, whose squared
 * norms overflow PyTorch's float product to infinity (cosine 0), get their true cosine here. The provider
 * refuses a margin outside [-1, 1], the range PyTorch documents (beyond it a dissimilar pair would always or
 * never cost, whatever its cosine); PyTorch does not check it.
 */
public final class CosineEmbeddingLoss extends PerSampleLoss {
    /** The canonical name, as written in specs. */
    public static final String NAME = "cosine_embedding";

    /** PyTorch's {@code EPSILON}, added to each squared norm. */
    static final double EPSILON = 1e-12;

    private final double margin;

    /** The cosine embedding loss with {@code margin}, reduced by {@code reduction}. */
    public CosineEmbeddingLoss(double margin, Reduction reduction) {
        super(NAME, reduction);
        this.margin = margin;
    }

    /** PyTorch's defaults: margin 0, the mean. */
    public CosineEmbeddingLoss() {
        this(0, Reduction.MEAN);
    }

    @Override
    double sample(float[] x, float[] y, int row, int width, float[] g, double scale) {
        int d = width / 2;
        int a = row * width;
        int b = a + d;
        double dot = 0;
        double squared1 = EPSILON;
        double squared2 = EPSILON;
        for (int k = 0; k < d; k++) {
            double u = x[a + k];
            double v = x[b + k];
            dot += u * v;
            squared1 += u * u;
            squared2 += v * v;
        }
        double denominator = Math.sqrt(squared1 * squared2);
        double cos = dot / denominator;
        boolean similar = y[row] == 1;
        if (g != null) {
            // d loss / d cos; multiplied through even when 0, so that a NaN cosine shows, as in PyTorch.
            double outer = (similar ? -1 : cos - margin >= 0 ? 1 : 0) * scale;
            for (int k = 0; k < d; k++) {
                double u = x[a + k];
                double v = x[b + k];
                g[a + k] = (float) (outer * (v / denominator - cos * u / squared1));
                g[b + k] = (float) (outer * (u / denominator - cos * v / squared2));
            }
        }
        return similar ? 1 - cos : Math.max(0, cos - margin);
    }

    @Override
    void check(Tensor predictions, Tensor targets) {
        if (predictions.rank() != 3 || predictions.dim(1) != 2 || targets.rank() != 1
                || targets.dim(0) != predictions.dim(0)) {
            throw new IllegalArgumentException(NAME + ": predictions of shape " + Shapes.toString(predictions.shape())
                    + " do not fit targets of shape " + Shapes.toString(targets.shape()) + "; expected predictions"
                    + " [N, 2, D] (x1, x2 stacked on axis 1) and targets [N] of -1 or 1");
        }
        InputChecks.requireSigns(NAME, targets);
    }

    /** The spec that makes this loss: {@code cosine_embedding(margin=0.0, reduction=mean)}. */
    @Override
    public String toString() {
        return NAME + "(margin=" + margin + ", reduction=" + reduction().specName() + ")";
    }
}
