package dev.descent.api;

/** Service interface for losses: list an implementation in {@code META-INF/services/dev.descent.api.LossProvider}. */
public interface LossProvider extends ComponentProvider<Loss> {}
