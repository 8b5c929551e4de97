package dev.descent.loss.metric;

import dev.descent.api.ParamSpec;
import java.util.List;
import java.util.OptionalInt;

/** Provides {@link NdcgMetric} as {@code ndcg}. */
public final class NdcgMetricProvider extends SimpleMetricProvider {
    static final ParamSpec K = ParamSpec.integer("k", null, "the cutoff: how many of the highest-scored items count;"
            + " absent: all").atLeast(1).optional();

    public NdcgMetricProvider() {
        super(NdcgMetric.NAME, "normalized discounted cumulative gain at k, DCG / ideal DCG with gain rel and"
                + " discount 1 / log2(rank + 1), ties averaged, as sklearn.metrics.ndcg_score; predictions [N, M] of"
                + " scores over M items, targets [N, M] of relevance >= 0", List.of(K),
                params -> new NdcgMetric(params.has(K.name()) ? OptionalInt.of(params.integer(K.name()))
                        : OptionalInt.empty()));
    }
}
