package dev.descent.api;

/**
 * Service interface for gradient transforms: list an implementation in
 * {@code META-INF/services/dev.descent.api.TransformProvider}.
 */
public interface TransformProvider extends ComponentProvider<GradientTransform> {}
