package dev.descent.loss.metric;

import dev.descent.api.ParamSpec;
import java.util.List;

/** Provides {@link HitRateMetric} as {@code hit_rate}. */
public final class HitRateMetricProvider extends SimpleMetricProvider {
    static final ParamSpec K = ParamSpec.integer("k", 10, "the cutoff: how many of the highest-scored items count")
            .atLeast(1);

    public HitRateMetricProvider() {
        super(HitRateMetric.NAME, "fraction of rows with a relevant item among the k highest-scored, ties averaged"
                + " over their orders (no scikit-learn counterpart); predictions [N, M] of scores over M items,"
                + " targets [N, M] of 0/1", List.of(K), params -> new HitRateMetric(params.integer(K.name())));
    }
}
