package dev.descent.app.registry;

import dev.descent.api.ComponentResolver;
import dev.descent.api.Optimizer;
import dev.descent.api.OptimizerProvider;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;

/** The registered optimizers, built-in and from plugins: {@code create("...")}, {@code names()}, {@code describe(name)}. */
@Singleton
public final class Optimizers extends Registry<Optimizer> {
    @Inject
    public Optimizers(Map<String, OptimizerProvider> providers, ComponentResolver resolver) {
        super("optimizer", "optimizers", Optimizer.class, providers, resolver);
    }
}
