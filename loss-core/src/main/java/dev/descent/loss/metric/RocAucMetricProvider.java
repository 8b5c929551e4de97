package dev.descent.loss.metric;

import java.util.List;

/** Provides {@link RocAucMetric} as {@code roc_auc}. */
public final class RocAucMetricProvider extends SimpleMetricProvider {
    public RocAucMetricProvider() {
        super(RocAucMetric.NAME, "area under the ROC curve (binary), tied scores counting one half, as"
                + " sklearn.metrics.roc_auc_score; predictions [N] of scores, targets [N] of 0/1; keeps every score",
                List.of(), params -> new RocAucMetric());
    }
}
