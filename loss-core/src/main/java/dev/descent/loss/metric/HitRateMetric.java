package dev.descent.loss.metric;

import dev.descent.api.Tensor;
import java.util.Arrays;

/**
 * Hit rate at k for recommenders: the fraction of rows (users, queries) with at least one relevant item among
 * the {@code k} highest-scored. Predictions [N, M] of scores over M candidate items, targets [N, M] of 0 or 1
 * (relevant). A row without any relevant item scores 0 and still counts. scikit-learn has no hit rate; with one
 * relevant item per row it is {@code top_k_accuracy_score} with that item as the class, up to ties.
 *
 * <p>Ties are averaged, in the spirit of scikit-learn's {@code ndcg_score}: when the k-th place falls inside a
 * group of equal scores, a row scores the probability that a random order of the tied items puts a relevant one
 * in the top k, {@code 1 - C(g - r, s) / C(g, s)} for g tied items of which r are relevant and s places left
 * for them. So constant scores earn the chance rate, never a lucky 1. Without ties this is the plain hit rate.
 *
 * <p>NaN before any row.
 */
public final class HitRateMetric extends RowMeanMetric {
    /** The canonical name, as written in specs. */
    public static final String NAME = "hit_rate";

    private final int k;

    /** @param k the cutoff, at least 1 */
    public HitRateMetric(int k) {
        super(NAME);
        this.k = MetricInputs.cutoff(NAME, k);
    }

    @Override
    public void update(Tensor predictions, Tensor targets) {
        int items = MetricInputs.rankingBatch(NAME, predictions, targets);
        MetricInputs.requireZeroOrOne(NAME, "target", targets, "hit_rate takes relevance 0 or 1");
        float[] scores = predictions.data();
        float[] relevance = targets.data();
        float[] sorted = new float[items];
        int batchRows = predictions.dim(0);
        for (int row = 0; row < batchRows; row++) {
            addRow(hit(scores, relevance, row * items, items, sorted));
        }
    }

    private double hit(float[] scores, float[] relevance, int offset, int items, float[] sorted) {
        if (k >= items) {
            for (int j = offset; j < offset + items; j++) {
                if (relevance[j] == 1f) {
                    return 1;
                }
            }
            return 0;
        }
        System.arraycopy(scores, offset, sorted, 0, items);
        Arrays.sort(sorted);
        float cutoff = sorted[items - k];
        int above = 0;
        int tied = 0;
        int tiedRelevant = 0;
        for (int j = offset; j < offset + items; j++) {
            // Compared with > and ==, -0.0 and 0.0 are one score.
            if (scores[j] > cutoff) {
                if (relevance[j] == 1f) {
                    return 1;
                }
                above++;
            } else if (scores[j] == cutoff) {
                tied++;
                tiedRelevant += relevance[j] == 1f ? 1 : 0;
            }
        }
        int places = k - above;
        // The chance that all `places` slots go to irrelevant tied items: C(tied - relevant, places) / C(tied, places).
        double miss = 1;
        for (int i = 0; i < places; i++) {
            miss *= (double) (tied - tiedRelevant - i) / (tied - i);
            if (miss <= 0) {
                return 1;
            }
        }
        return 1 - miss;
    }
}
