package dev.descent.loss;

import dev.descent.api.ElementwiseLoss;
import dev.descent.api.Reduction;

/**
 * The hinge embedding loss, PyTorch's {@code HingeEmbeddingLoss}: per element, for a distance (or other
 * non-negative dissimilarity) {@code x} and a target {@code y} of -1 or 1,
 * <pre>
 *   loss = x                      if y = 1   (similar pair: pull the distance down)
 *   loss = max(0, margin - x)     if y = -1  (dissimilar pair: push it beyond the margin)
 * </pre>
 * Use it to learn embeddings or similarities from pairs labelled similar or dissimilar, with {@code x} e.g.
 * the L1 distance of the pair. Parameter {@code margin}, default 1. Predictions and targets have the same
 * shape; a target other than -1 or 1 is refused naming its index and value (PyTorch would add both terms).
 *
 * <p>Gradient: 1 for {@code y = 1}; for {@code y = -1}, -1 where {@code margin - x >= 0} (at exactly the
 * margin too, PyTorch's {@code clamp_min} choice) and 0 beyond. A NaN prediction gives a NaN loss; its
 * gradient is PyTorch's, 1 for {@code y = 1} and 0 for {@code y = -1}.
 */
public final class HingeEmbeddingLoss extends SignedTargetsLoss {
    /** The canonical name, as written in specs. */
    public static final String NAME = "hinge_embedding";

    private final double margin;

    /** The hinge embedding loss with {@code margin}, reduced by {@code reduction}. */
    public HingeEmbeddingLoss(double margin, Reduction reduction) {
        super(new Elements(margin, reduction));
        this.margin = margin;
    }

    /** PyTorch's defaults: margin 1, the mean. */
    public HingeEmbeddingLoss() {
        this(1, Reduction.MEAN);
    }

    private static final class Elements extends ElementwiseLoss {
        private final double margin;

        Elements(double margin, Reduction reduction) {
            super(NAME, reduction);
            this.margin = margin;
        }

        @Override
        protected double value(double prediction, double target) {
            return target == 1 ? prediction : Math.max(0, margin - prediction);
        }

        @Override
        protected double derivative(double prediction, double target) {
            return target == 1 ? 1 : margin - prediction >= 0 ? -1 : 0;
        }
    }

    /** The spec that makes this loss: {@code hinge_embedding(margin=1.0, reduction=sum)}. */
    @Override
    public String toString() {
        return NAME + "(margin=" + margin + ", reduction=" + reduction().specName() + ")";
    }
}
