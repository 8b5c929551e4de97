package dev.descent.loss;

import dev.descent.api.Reduction;

/**
 * The margin ranking loss, PyTorch's {@code MarginRankingLoss}: for two scores {@code x1}, {@code x2} of a
 * sample and a target {@code y} of 1 ({@code x1} should rank higher) or -1 ({@code x2} should),
 * <pre>
 *   loss = max(0, -y (x1 - x2) + margin)
 * </pre>
 * Use it to learn a scoring function from pairwise preferences (learning to rank, siamese scorers).
 * Parameter {@code margin}, default 0: how far apart the scores must be to cost nothing.
 *
 * <p>Shapes: predictions {@code [N, 2]} with {@code x1} and {@code x2} stacked on axis 1 (PyTorch takes them
 * as two tensors), targets {@code [N]} of -1 or 1; any other target is refused naming its index and value.
 * {@link #unreduced} is {@code [N]}.
 *
 * <p>Gradient: {@code -y} for {@code x1} and {@code y} for {@code x2} where {@code -y (x1 - x2) + margin >= 0},
 * at exactly the margin too (PyTorch's {@code clamp_min} choice), and 0 beyond it. A NaN score gives a NaN
 * loss and, as PyTorch's, a zero gradient.
 */
public final class MarginRankingLoss extends RankedPairLoss {
    /** The canonical name, as written in specs. */
    public static final String NAME = "margin_ranking";

    private final double margin;

    /** The margin ranking loss with {@code margin}, reduced by {@code reduction}. */
    public MarginRankingLoss(double margin, Reduction reduction) {
        super(NAME, reduction);
        this.margin = margin;
    }

    /** PyTorch's defaults: margin 0, the mean. */
    public MarginRankingLoss() {
        this(0, Reduction.MEAN);
    }

    @Override
    double value(double signedDifference) {
        return Math.max(0, margin - signedDifference);
    }

    @Override
    double slope(double signedDifference) {
        return margin - signedDifference >= 0 ? -1 : 0;
    }

    @Override
    String parameters() {
        return "margin=" + margin + ", ";
    }
}
