package dev.descent.loss;

import dev.descent.api.Reduction;

/**
 * Bayesian personalised ranking (Rendle et al., 2009): for the scores {@code x1}, {@code x2} of two items
 * and a target {@code y} of 1 ({@code x1} is preferred) or -1 ({@code x2} is),
 * <pre>
 *   loss = -log sigmoid(y (x1 - x2)) = softplus(-y (x1 - x2))
 * </pre>
 * the negative log-likelihood that the preferred item scores higher. Use it to train recommenders from
 * implicit feedback: each sample pairs an item the user interacted with and one drawn from the rest. With
 * targets all 1 it is the usual {@code -log sigmoid(pos - neg)}. PyTorch has no such loss.
 *
 * <p>Shapes: predictions {@code [N, 2]} with {@code x1} and {@code x2} stacked on axis 1, targets {@code [N]}
 * of -1 or 1; any other target is refused naming its index and value. {@link #unreduced} is {@code [N]}.
 *
 * <p>Computed stably as {@code max(u, 0) + log1p(exp(-|u|))} with {@code u = -y (x1 - x2)}, so score gaps of
 * ±1e4 give finite values; gradient {@code -y sigmoid(u)} for {@code x1} and {@code y sigmoid(u)} for
 * {@code x2}.
 */
public final class BprLoss extends RankedPairLoss {
    /** The canonical name, as written in specs. */
    public static final String NAME = "bpr";

    /** The BPR loss reduced by {@code reduction}. */
    public BprLoss(Reduction reduction) {
        super(NAME, reduction);
    }

    /** The mean BPR loss over samples. */
    public BprLoss() {
        this(Reduction.MEAN);
    }

    @Override
    double value(double signedDifference) {
        return Logistic.softplus(-signedDifference);
    }

    @Override
    double slope(double signedDifference) {
        return -Logistic.sigmoid(-signedDifference);
    }
}
