package dev.descent.loss.metric;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Tensor;
import java.util.Arrays;

/**
 * Area under the ROC curve for a binary task, scikit-learn's {@code roc_auc_score}: the trapezoidal area under
 * the curve of true- against false-positive rates over every threshold, where tied scores make one diagonal
 * step. That area equals the Mann-Whitney statistic: the fraction of (positive, negative) pairs in which the
 * positive scores higher, a tie counting one half. Predictions [N] of scores (any monotone scale: probabilities
 * or logits), targets [N] of 0 or 1.
 *
 * <p>Streaming keeps every score, 4 bytes a sample: the area depends on the order of all the scores together,
 * and no fixed-size summary gives it exactly. {@link #compute()} sorts the positives' and negatives' scores and
 * counts the pairs in integers, so the result is exact and batches do not change it.
 *
 * <p>Undefined (NaN) until both classes have been seen; scikit-learn raises an error for one class instead,
 * which would end a validation run over an unlucky batch.
 */
public final class RocAucMetric extends AbstractMetric {
    /** The canonical name, as written in specs. */
    public static final String NAME = "roc_auc";

    private float[] positives = new float[16];
    private int positiveCount;
    private float[] negatives = new float[16];
    private int negativeCount;

    public RocAucMetric() {
        super(NAME);
    }

    @Override
    public void update(Tensor predictions, Tensor targets) {
        requireNonNull(predictions, "predictions is null");
        requireNonNull(targets, "targets is null");
        if (predictions.rank() != 1 || targets.rank() != 1 || predictions.dim(0) != targets.dim(0)) {
            throw new IllegalArgumentException(NAME + ": takes predictions [N] of scores and targets [N] of 0 or 1,"
                    + " got " + MetricInputs.shapes(predictions, targets));
        }
        MetricInputs.requireNoNaN(NAME, "prediction", predictions);
        MetricInputs.requireZeroOrOne(NAME, "target", targets, "roc_auc is binary: targets are 0 or 1");
        float[] scores = predictions.data();
        float[] labels = targets.data();
        for (int i = 0; i < scores.length; i++) {
            // + 0f turns -0.0 into 0.0, which Arrays.sort would otherwise put before 0.0 as a different value.
            float score = scores[i] + 0f;
            if (labels[i] == 1f) {
                positives = grow(positives, positiveCount);
                positives[positiveCount++] = score;
            } else {
                negatives = grow(negatives, negativeCount);
                negatives[negativeCount++] = score;
            }
        }
    }

    private static float[] grow(float[] array, int used) {
        return used < array.length ? array : Arrays.copyOf(array, Math.max(16, array.length * 2));
    }

    @Override
    double[] results() {
        if (positiveCount == 0 || negativeCount == 0) {
            return new double[] {Double.NaN};
        }
        // Sorting in place changes no multiset; later updates append and the next compute sorts again.
        Arrays.sort(positives, 0, positiveCount);
        Arrays.sort(negatives, 0, negativeCount);
        // Twice the Mann-Whitney U: for each negative, 2 per positive above it and 1 per positive equal to it.
        long twiceU = 0;
        int below = 0;
        int belowOrEqual = 0;
        for (int n = 0; n < negativeCount; n++) {
            float score = negatives[n];
            while (below < positiveCount && positives[below] < score) {
                below++;
            }
            belowOrEqual = Math.max(belowOrEqual, below);
            while (belowOrEqual < positiveCount && positives[belowOrEqual] <= score) {
                belowOrEqual++;
            }
            long above = positiveCount - belowOrEqual;
            long equal = belowOrEqual - below;
            twiceU += 2 * above + equal;
        }
        return new double[] {twiceU / (2.0 * positiveCount * negativeCount)};
    }

    @Override
    public void reset() {
        positives = new float[16];
        positiveCount = 0;
        negatives = new float[16];
        negativeCount = 0;
    }
}
