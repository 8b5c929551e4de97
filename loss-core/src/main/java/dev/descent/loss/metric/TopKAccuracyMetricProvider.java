package dev.descent.loss.metric;

import dev.descent.api.ParamSpec;
import java.util.List;

/** Provides {@link TopKAccuracyMetric} as {@code top_k_accuracy}. */
public final class TopKAccuracyMetricProvider extends SimpleMetricProvider {
    static final ParamSpec K = ParamSpec.integer("k", 2,
            "how many of the highest-scored classes count (scikit-learn's default 2)").atLeast(1);

    public TopKAccuracyMetricProvider() {
        super(TopKAccuracyMetric.NAME, "fraction of samples whose true class is among the k highest scores, as"
                + " sklearn.metrics.top_k_accuracy_score (ties: the higher class index first); predictions [N, C] of"
                + " scores, targets [N] of class labels", List.of(K),
                params -> new TopKAccuracyMetric(params.integer(K.name())));
    }
}
