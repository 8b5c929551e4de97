package dev.descent.app.registry;

import dev.descent.api.ComponentResolver;
import dev.descent.api.GradientTransform;
import dev.descent.api.TransformProvider;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * The registered gradient transforms, built-in and from plugins, which {@code chain(...)} puts in front of an
 * optimizer: {@code create("...")}, {@code names()}, {@code describe(name)}.
 */
@Singleton
public final class Transforms extends Registry<GradientTransform> {
    @Inject
    public Transforms(Map<String, TransformProvider> providers, ComponentResolver resolver) {
        super("transform", "transforms", GradientTransform.class, providers, resolver);
    }
}
