package dev.descent.loss.metric;

import java.util.List;

/** Provides {@link RegressionErrorMetric} as {@code mae}. */
public final class MaeMetricProvider extends SimpleMetricProvider {
    public MaeMetricProvider() {
        super(RegressionErrorMetric.Kind.MAE.metricName(), "mean absolute error, mean(|t - p|), as"
                + " sklearn.metrics.mean_absolute_error; " + RegressionErrorMetric.SHAPES, List.of(),
                params -> new RegressionErrorMetric(RegressionErrorMetric.Kind.MAE));
    }
}
