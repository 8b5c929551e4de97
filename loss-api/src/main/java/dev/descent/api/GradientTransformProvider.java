package dev.descent.api;

/**
 * Service interface for gradient transforms: list an implementation in
 * {@code META-INF/services/dev.descent.api.GradientTransformProvider}.
 */
public interface GradientTransformProvider extends ComponentProvider<GradientTransform> {}
