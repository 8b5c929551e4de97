package dev.descent.loss.metric;

import java.util.List;

/** Provides {@link R2Metric} as {@code r2}. */
public final class R2MetricProvider extends SimpleMetricProvider {
    public R2MetricProvider() {
        super(R2Metric.NAME, "coefficient of determination, 1 - sum((t - p)^2) / sum((t - mean(t))^2), as"
                + " sklearn.metrics.r2_score (force_finite); " + RegressionErrorMetric.SHAPES, List.of(),
                params -> new R2Metric());
    }
}
