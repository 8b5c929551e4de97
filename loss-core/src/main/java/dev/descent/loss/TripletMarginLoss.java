package dev.descent.loss;

import dev.descent.api.Reduction;
import dev.descent.api.Shapes;
import dev.descent.api.Tensor;

/**
 * The triplet margin loss, PyTorch's {@code TripletMarginLoss}: for an anchor {@code a}, a positive
 * {@code p} (same identity) and a negative {@code n} (another identity),
 * <pre>
 *   loss = max(0, margin + d(a, p) - d(a, n)),   d(u, v) = ||u - v + eps||_p
 * </pre>
 * with PyTorch's {@code pairwise_distance}, which adds {@code eps} to every component of the difference
 * (so coincident vectors are {@code eps · D^(1/p)} apart, not 0). With {@code swap}, the distance to the
 * negative is {@code min(d(a, n), d(p, n))} (Balntas et al., 2016). Use it to learn embeddings in which each
 * sample lies nearer those of its class than those of others by a margin (face recognition, retrieval).
 *
 * <p>Parameters, PyTorch's defaults: {@code margin} 1, {@code p} 2 (the norm's degree, {@code inf} for the largest
 * component), {@code eps} 1e-6,
 * {@code swap} false.
 *
 * <p>Shapes: predictions {@code [N, 3, D]} with anchor, positive and negative stacked on axis 1 (PyTorch takes
 * them as three tensors). The triplet loss has no targets: the {@code targets} argument is ignored and may be
 * any tensor (a zero-length one will do). {@link #unreduced} is {@code [N]}.
 *
 * <p>Gradient: that of {@code d(a, p) - d(a, n)} where {@code margin + d(a, p) - d(a, n) >= 0}, at the margin
 * too (PyTorch's {@code clamp_min} choice), 0 beyond it. The norm's gradient is PyTorch's:
 * {@code sign(v) |v|^(p-1) / ||v||^(p-1)}, 0 where the norm is 0 (for {@code p = inf}: {@code sign(v)} on the
 * largest components, shared evenly among ties, 0 on the others); under {@code swap}, a tie between
 * {@code d(a, n)} and {@code d(p, n)} shares the gradient evenly, as PyTorch's {@code min}. NaN in a sample
 * makes its loss and gradient NaN, as in PyTorch.
 *
 * <p>Deviation from PyTorch: {@code p} must be at least 1, where {@code d} is a norm (PyTorch accepts any
 * positive degree).
 */
public final class TripletMarginLoss extends PerSampleLoss {
    /** The canonical name, as written in specs. */
    public static final String NAME = "triplet_margin";

    private final double margin;
    private final double p;
    private final double eps;
    private final boolean swap;

    /**
     * @param margin how much nearer the positive must be than the negative to cost nothing
     * @param p the degree of the norm, at least 1
     * @param eps added to every component of each difference, at least 0
     * @param swap whether the negative's distance is the smaller of its distances to anchor and positive
     * @param reduction mean over triplets, sum, or none
     */
    public TripletMarginLoss(double margin, double p, double eps, boolean swap, Reduction reduction) {
        super(NAME, reduction);
        if (!(p >= 1)) {
            throw new IllegalArgumentException(NAME + ": p is '" + p + "'; expected a norm degree >= 1 (inf for the"
                    + " largest component)");
        }
        if (!(eps >= 0)) {
            throw new IllegalArgumentException(NAME + ": eps is '" + eps + "'; expected a number >= 0");
        }
        this.margin = margin;
        this.p = p;
        this.eps = eps;
        this.swap = swap;
    }

    /** PyTorch's defaults: margin 1, p 2, eps 1e-6, no swap, the mean. */
    public TripletMarginLoss() {
        this(1, 2, 1e-6, false, Reduction.MEAN);
    }

    /** The loss of one triplet; {@code targets} is not read. */
    @Override
    double sample(float[] x, float[] targets, int row, int width, float[] g, double scale) {
        int d = width / 3;
        int a = row * width;
        int pos = a + d;
        int neg = pos + d;
        double toPositive = distance(x, a, pos, d);
        double toNegative = distance(x, a, neg, d);
        double swapped = swap ? distance(x, pos, neg, d) : Double.NaN;
        // torch.min: the smaller takes the gradient; a tie (or NaN) shares it evenly.
        double negativeShare = !swap || toNegative < swapped ? 1 : toNegative > swapped ? 0 : 0.5;
        double swappedShare = 1 - negativeShare;
        double negativeDistance = swap ? Math.min(toNegative, swapped) : toNegative;
        double z = margin + toPositive - negativeDistance;
        if (g != null) {
            // Multiplied through even when 0, so that a NaN distance shows, as in PyTorch.
            double c = (z >= 0 ? 1 : 0) * scale;
            // The infinity norm shares its gradient among the components that tie for the largest.
            int positiveTies = maxima(x, a, pos, d, toPositive);
            int negativeTies = maxima(x, a, neg, d, toNegative);
            int swappedTies = swap ? maxima(x, pos, neg, d, swapped) : 1;
            for (int k = 0; k < d; k++) {
                double dPositive = slope(x[a + k] - (double) x[pos + k] + eps, toPositive, positiveTies);
                double dNegative = slope(x[a + k] - (double) x[neg + k] + eps, toNegative, negativeTies);
                double dSwapped = swap ? slope(x[pos + k] - (double) x[neg + k] + eps, swapped, swappedTies) : 0;
                g[a + k] = (float) (c * (dPositive - negativeShare * dNegative));
                g[pos + k] = (float) (c * (-dPositive - swappedShare * dSwapped));
                g[neg + k] = (float) (c * (negativeShare * dNegative + swappedShare * dSwapped));
            }
        }
        return Math.max(0, z);
    }

    /** {@code ||x[u..u+d) - x[v..v+d) + eps||_p}. */
    private double distance(float[] x, int u, int v, int d) {
        double sum = 0;
        for (int k = 0; k < d; k++) {
            double difference = Math.abs(x[u + k] - (double) x[v + k] + eps);
            if (p == 2) {
                sum += difference * difference;
            } else if (p == 1) {
                sum += difference;
            } else if (p == Double.POSITIVE_INFINITY) {
                // Math.max passes a NaN on.
                sum = Math.max(sum, difference);
            } else {
                sum += Math.pow(difference, p);
            }
        }
        return p == 2 ? Math.sqrt(sum) : p == 1 || p == Double.POSITIVE_INFINITY ? sum : Math.pow(sum, 1 / p);
    }

    /** For the infinity norm, how many components of {@code x[u..) - x[v..) + eps} reach {@code norm}; else 1. */
    private int maxima(float[] x, int u, int v, int d, double norm) {
        if (p != Double.POSITIVE_INFINITY) {
            return 1;
        }
        int count = 0;
        for (int k = 0; k < d; k++) {
            if (Math.abs(x[u + k] - (double) x[v + k] + eps) == norm) {
                count++;
            }
        }
        return Math.max(count, 1);
    }

    /**
     * {@code d ||v||_p / d v_k}, PyTorch's: for the component {@code vk} of a vector of norm {@code norm}, of
     * whose components {@code ties} reach the largest magnitude (used by the infinity norm); 0 at norm 0.
     */
    private double slope(double vk, double norm, int ties) {
        if (p == 1) {
            // sign(v) even at norm 0, as PyTorch's backward of the 1-norm; NaN stays NaN.
            return Math.signum(vk);
        }
        if (norm == 0) {
            return 0;
        }
        if (p == 2) {
            return vk / norm;
        }
        if (p == Double.POSITIVE_INFINITY) {
            return Double.isNaN(norm) ? Double.NaN : Math.abs(vk) == norm ? Math.signum(vk) / ties : 0;
        }
        return Math.signum(vk) * Math.pow(Math.abs(vk) / norm, p - 1);
    }

    /** Checks the triplets' layout; the targets may be any tensor, as they are not read. */
    @Override
    void check(Tensor predictions, Tensor targets) {
        if (predictions.rank() != 3 || predictions.dim(1) != 3) {
            throw new IllegalArgumentException(NAME + ": predictions of shape " + Shapes.toString(predictions.shape())
                    + " are not triplets; expected [N, 3, D] (anchor, positive, negative stacked on axis 1)"
                    + " (targets, here of shape " + Shapes.toString(targets.shape()) + ", are ignored)");
        }
    }

    /** The spec that makes this loss: {@code triplet_margin(margin=1.0, p=2.0, eps=1.0E-6, swap=false, ...)}. */
    @Override
    public String toString() {
        return NAME + "(margin=" + margin + ", p=" + p + ", eps=" + eps + ", swap=" + swap + ", reduction="
                + reduction().specName() + ")";
    }
}
