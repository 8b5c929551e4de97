package dev.descent.app.registry;

import dev.descent.api.ComponentResolver;
import dev.descent.api.Loss;
import dev.descent.api.LossProvider;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;

/** The registered losss, built-in and from plugins: {@code create("...")}, {@code names()}, {@code describe(name)}. */
@Singleton
public final class Losses extends Registry<Loss> {
    @Inject
    public Losses(Map<String, LossProvider> providers, ComponentResolver resolver) {
        super("loss", "losses", Loss.class, providers, resolver);
    }
}
