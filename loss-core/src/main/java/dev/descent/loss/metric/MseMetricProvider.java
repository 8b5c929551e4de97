package dev.descent.loss.metric;

import java.util.List;

/** Provides {@link RegressionErrorMetric} as {@code mse}. */
public final class MseMetricProvider extends SimpleMetricProvider {
    public MseMetricProvider() {
        super(RegressionErrorMetric.Kind.MSE.metricName(), "mean squared error, mean((t - p)^2), as"
                + " sklearn.metrics.mean_squared_error; " + RegressionErrorMetric.SHAPES, List.of(),
                params -> new RegressionErrorMetric(RegressionErrorMetric.Kind.MSE));
    }
}
