package dev.descent.loss.metric;

import java.util.List;

/** Provides {@link RegressionErrorMetric} as {@code rmse}. */
public final class RmseMetricProvider extends SimpleMetricProvider {
    public RmseMetricProvider() {
        super(RegressionErrorMetric.Kind.RMSE.metricName(), "root mean squared error, sqrt(mean((t - p)^2)) per"
                + " output, as sklearn.metrics.mean_squared_error(squared=False); " + RegressionErrorMetric.SHAPES,
                List.of(), params -> new RegressionErrorMetric(RegressionErrorMetric.Kind.RMSE));
    }
}
