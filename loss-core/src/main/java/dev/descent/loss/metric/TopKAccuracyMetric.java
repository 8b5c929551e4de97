package dev.descent.loss.metric;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Tensor;

/**
 * Top-k accuracy, scikit-learn's {@code top_k_accuracy_score}: the fraction of samples whose true class is
 * among the {@code k} highest scores. Predictions [N, C] of scores (logits or probabilities), targets [N] of
 * class labels in [0, C). With {@code k >= C} every sample counts.
 *
 * <p>Ties rank as scikit-learn ranks them (a stable ascending sort, reversed): among equal scores the higher
 * class index comes first. So the true class {@code t} is in the top k when fewer than k classes have a higher
 * score or an equal score and a higher index.
 *
 * <p>The binary form of scikit-learn (scores [N]) is left out: for one score per sample, top-1 is
 * {@link AccuracyMetric} and top-2 is always 1.
 */
public final class TopKAccuracyMetric extends RowMeanMetric {
    /** The canonical name, as written in specs. */
    public static final String NAME = "top_k_accuracy";

    private final int k;
    private int classes;

    /** @param k how many of the highest-scored classes count, at least 1 (scikit-learn's default is 2) */
    public TopKAccuracyMetric(int k) {
        super(NAME);
        this.k = MetricInputs.cutoff(NAME, k);
    }

    @Override
    public void update(Tensor predictions, Tensor targets) {
        requireNonNull(predictions, "predictions is null");
        requireNonNull(targets, "targets is null");
        if (predictions.rank() != 2 || targets.rank() != 1 || predictions.dim(0) != targets.dim(0)) {
            throw new IllegalArgumentException(NAME + ": takes predictions [N, C] of scores and targets [N] of class"
                    + " labels, got " + MetricInputs.shapes(predictions, targets));
        }
        int batchClasses = predictions.dim(1);
        MetricInputs.requireAlike(NAME, predictions, targets, "classes", batchClasses, classes);
        MetricInputs.requireNoNaN(NAME, "prediction", predictions);
        int rows = targets.dim(0);
        for (int i = 0; i < rows; i++) {
            MetricInputs.label(NAME, "target", targets, i, batchClasses);
        }
        float[] scores = predictions.data();
        float[] labels = targets.data();
        for (int i = 0; i < rows; i++) {
            int offset = i * batchClasses;
            int truth = (int) labels[i];
            float score = scores[offset + truth];
            int ahead = 0;
            for (int c = 0; c < batchClasses; c++) {
                float other = scores[offset + c];
                if (other > score || (other == score && c > truth)) {
                    ahead++;
                }
            }
            addRow(ahead < k ? 1 : 0);
        }
        classes = batchClasses;
    }

    @Override
    void forget() {
        classes = 0;
    }
}
