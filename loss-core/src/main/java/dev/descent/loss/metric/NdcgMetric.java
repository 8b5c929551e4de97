package dev.descent.loss.metric;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Tensor;
import java.util.Arrays;
import java.util.OptionalInt;

/**
 * Normalized discounted cumulative gain at k, scikit-learn's {@code ndcg_score} (version 1.2,
 * {@code ignore_ties=False}): per row, {@code DCG@k / IDCG@k} with {@code DCG@k = sum_{i < k} rel_i / log2(i + 2)}
 * over the items in descending score order (the relevance itself is the gain, not {@code 2^rel - 1}) and IDCG
 * the DCG of the ideal order; a row without relevant items scores 0; rows averaged. Predictions [N, M] of
 * scores over M candidate items, targets [N, M] of graded relevance, finite and non-negative (scikit-learn 1.2
 * warns on negative relevance and will refuse it; we refuse it now). {@code k} absent means all M items.
 *
 * <p>Ties as scikit-learn: a group of equal scores shares its places, each item getting the group's mean
 * relevance times the sum of the group's discounts, so the score is the average over the orders of the ties.
 *
 * <p>NaN before any row.
 */
public final class NdcgMetric extends RowMeanMetric {
    /** The canonical name, as written in specs. */
    public static final String NAME = "ndcg";

    private final OptionalInt k;
    private double[] discountSums = new double[0];

    /** @param k the cutoff, at least 1, or empty for every item */
    public NdcgMetric(OptionalInt k) {
        super(NAME);
        this.k = requireNonNull(k, "k is null");
        k.ifPresent(cutoff -> MetricInputs.cutoff(NAME, cutoff));
    }

    @Override
    public void update(Tensor predictions, Tensor targets) {
        int items = MetricInputs.rankingBatch(NAME, predictions, targets);
        float[] relevance = targets.data();
        for (int i = 0; i < relevance.length; i++) {
            if (!(relevance[i] >= 0) || Float.isInfinite(relevance[i])) {
                throw MetricInputs.invalidValue(NAME, "target", targets, i,
                        "ndcg takes relevance that is finite and >= 0");
            }
        }
        double[] cumulative = discountSums(items);
        float[] scores = predictions.data();
        float[] distinct = new float[items];
        double[] groupGain = new double[items];
        int[] groupSize = new int[items];
        float[] ideal = new float[items];
        int batchRows = predictions.dim(0);
        for (int row = 0; row < batchRows; row++) {
            int offset = row * items;
            double best = idealDcg(relevance, offset, items, ideal);
            addRow(best > 0
                    ? tieAveragedDcg(scores, relevance, offset, items, cumulative, distinct, groupGain, groupSize) / best
                    : 0);
        }
    }

    /**
     * The running sums of the discounts {@code 1 / (ln(i + 2) / ln 2)} for i below k (0 beyond), written as
     * scikit-learn writes them; cached for the last M.
     */
    private double[] discountSums(int items) {
        if (discountSums.length != items) {
            int cutoff = Math.min(items, k.orElse(items));
            double[] sums = new double[items];
            double running = 0;
            for (int i = 0; i < items; i++) {
                running += i < cutoff ? 1 / (Math.log(i + 2) / Math.log(2)) : 0;
                sums[i] = running;
            }
            discountSums = sums;
        }
        return discountSums;
    }

    /** The DCG of the relevance sorted in descending order; {@code ideal} is scratch. */
    private double idealDcg(float[] relevance, int offset, int items, float[] ideal) {
        System.arraycopy(relevance, offset, ideal, 0, items);
        Arrays.sort(ideal);
        int cutoff = Math.min(items, k.orElse(items));
        double dcg = 0;
        for (int i = 0; i < cutoff; i++) {
            dcg += ideal[items - 1 - i] * (1 / (Math.log(i + 2) / Math.log(2)));
        }
        return dcg;
    }

    /**
     * scikit-learn's {@code _tie_averaged_dcg}: groups of equal scores in descending order, each contributing its
     * mean relevance times the discounts of the places it spans. The other arrays are scratch.
     */
    private static double tieAveragedDcg(float[] scores, float[] relevance, int offset, int items,
            double[] cumulative, float[] distinct, double[] groupGain, int[] groupSize) {
        for (int j = 0; j < items; j++) {
            // + 0f makes -0.0 and 0.0 one value, as numpy's unique sees them.
            distinct[j] = scores[offset + j] + 0f;
        }
        Arrays.sort(distinct, 0, items);
        int groups = 0;
        for (int j = 0; j < items; j++) {
            if (j == 0 || distinct[j] != distinct[groups - 1]) {
                distinct[groups++] = distinct[j];
            }
        }
        Arrays.fill(groupGain, 0, groups, 0);
        Arrays.fill(groupSize, 0, groups, 0);
        for (int j = 0; j < items; j++) {
            // Group g in ascending order is place groups - 1 - g in descending order.
            int group = groups - 1 - Arrays.binarySearch(distinct, 0, groups, scores[offset + j] + 0f);
            groupGain[group] += relevance[offset + j];
            groupSize[group]++;
        }
        double dcg = 0;
        int end = -1;
        double previous = 0;
        for (int g = 0; g < groups; g++) {
            end += groupSize[g];
            double discounts = cumulative[end] - previous;
            previous = cumulative[end];
            dcg += groupGain[g] / groupSize[g] * discounts;
        }
        return dcg;
    }
}
