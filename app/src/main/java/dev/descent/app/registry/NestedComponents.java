package dev.descent.app.registry;

import dev.descent.api.Initializer;
import dev.descent.api.Spec;
import dev.descent.nn.init.Initializers;
import java.util.function.Function;

/**
 * Creates the nested component of a parameter, for {@link RegistryResolver} and {@link LocalRegistries}:
 * a kind with a registry ({@link Kind#find}) through it; an {@link Initializer} ({@code init=xavier_uniform})
 * from nn-core's fixed catalogue, which has no registry and no plugins, so that a plugin's layer reaches
 * it with {@code params.component("init", Initializer.class)} though it sees only the API.
 */
final class NestedComponents {
    private NestedComponents() {}

    /**
     * @throws IllegalArgumentException for a kind neither a registry nor the initialisers create, naming the
     *     kinds that can be nested
     */
    static <T> T create(Class<T> kind, Spec spec, Function<Kind, Registry<?>> registries) {
        if (kind == Initializer.class) {
            return kind.cast(Initializers.create(spec));
        }
        Kind registryKind = Kind.find(kind).orElseThrow(() -> new IllegalArgumentException("cannot create '" + spec
                + "' as a nested " + kind.getName() + ": " + Kind.NESTED_KINDS));
        return kind.cast(registries.apply(registryKind).create(spec));
    }
}
