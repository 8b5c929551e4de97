package dev.descent.api;

/** Service interface for layers: list an implementation in {@code META-INF/services/dev.descent.api.LayerProvider}. */
public interface LayerProvider extends ComponentProvider<Layer> {}
