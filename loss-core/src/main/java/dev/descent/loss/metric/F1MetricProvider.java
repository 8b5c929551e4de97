package dev.descent.loss.metric;

/** Provides {@link PrecisionRecallF1Metric} as {@code f1}. */
public final class F1MetricProvider extends PrecisionRecallF1Provider {
    public F1MetricProvider() {
        super(PrecisionRecallF1Metric.Score.F1, "2 p r / (p + r), the harmonic mean of precision and recall, as"
                + " sklearn.metrics.f1_score; average binary (default) | micro | macro"
                + " | weighted | none; " + INPUTS);
    }
}
