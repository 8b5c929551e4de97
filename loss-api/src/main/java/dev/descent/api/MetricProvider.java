package dev.descent.api;

/** Service interface for metrics: list an implementation in {@code META-INF/services/dev.descent.api.MetricProvider}. */
public interface MetricProvider extends ComponentProvider<Metric> {}
