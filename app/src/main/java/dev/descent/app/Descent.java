package dev.descent.app;

import static java.util.Objects.requireNonNull;

import com.google.inject.Guice;
import com.google.inject.Module;
import dev.descent.app.inject.DescentModule;
import dev.descent.app.registry.Layers;
import dev.descent.app.registry.Losses;
import dev.descent.app.registry.Optimizers;
import dev.descent.app.registry.Registry;
import dev.descent.app.registry.Schedules;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The entry point for embedding programs: the registries of losses, optimizers, layers and schedules.
 *
 * <pre>{@code
 * Descent descent = Descent.builder().build();
 * Loss loss = descent.losses().create("mse(reduction=sum)");
 * Optimizer sgd = descent.optimizers().create("sgd(lr=0.1, momentum=0.9)");
 * }</pre>
 *
 * The same objects come from a Guice injector built on {@link DescentModule}.
 */
public final class Descent {
    private final Losses losses;
    private final Optimizers optimizers;
    private final Layers layers;
    private final Schedules schedules;

    @Inject
    Descent(Losses losses, Optimizers optimizers, Layers layers, Schedules schedules) {
        this.losses = losses;
        this.optimizers = optimizers;
        this.layers = layers;
        this.schedules = schedules;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Losses losses() {
        return losses;
    }

    public Optimizers optimizers() {
        return optimizers;
    }

    public Layers layers() {
        return layers;
    }

    public Schedules schedules() {
        return schedules;
    }

    /** Every registry, in the order {@code descent list} shows them. */
    public List<Registry<?>> registries() {
        return List.of(losses, optimizers, layers, schedules);
    }

    /** Configures a {@link Descent}: extra Guice modules of the embedding program. */
    public static final class Builder {
        private final List<Module> modules = new ArrayList<>();

        private Builder() {}

        /** Guice modules installed next to {@link DescentModule}, e.g. to bind providers of your own. */
        public Builder modules(Module... extra) {
            for (Module module : extra) {
                modules.add(requireNonNull(module, "module is null"));
            }
            return this;
        }

        public Descent build() {
            List<Module> all = new ArrayList<>(Arrays.asList(new DescentModule()));
            all.addAll(modules);
            return Guice.createInjector(all).getInstance(Descent.class);
        }
    }
}
