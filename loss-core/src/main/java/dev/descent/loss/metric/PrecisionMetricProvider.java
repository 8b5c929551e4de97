package dev.descent.loss.metric;

/** Provides {@link PrecisionRecallF1Metric} as {@code precision}. */
public final class PrecisionMetricProvider extends PrecisionRecallF1Provider {
    public PrecisionMetricProvider() {
        super(PrecisionRecallF1Metric.Score.PRECISION, "tp / (tp + fp), the fraction of positive predictions that"
                + " are right, as sklearn.metrics.precision_score; average binary (default) | micro | macro"
                + " | weighted | none; " + INPUTS);
    }
}
