package dev.descent.api;

/** Service interface for optimizers: list an implementation in {@code META-INF/services/dev.descent.api.OptimizerProvider}. */
public interface OptimizerProvider extends ComponentProvider<Optimizer> {}
