package dev.descent.loss.metric;

/** Provides {@link PrecisionRecallF1Metric} as {@code recall}. */
public final class RecallMetricProvider extends PrecisionRecallF1Provider {
    public RecallMetricProvider() {
        super(PrecisionRecallF1Metric.Score.RECALL, "tp / (tp + fn), the fraction of positives found, as"
                + " sklearn.metrics.recall_score; average binary (default) | micro | macro"
                + " | weighted | none; " + INPUTS);
    }
}
