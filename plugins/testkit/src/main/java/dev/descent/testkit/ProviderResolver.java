package dev.descent.testkit;

import static java.util.Objects.requireNonNull;

import dev.descent.api.ComponentProvider;
import dev.descent.api.ComponentResolver;
import dev.descent.api.GradientTransform;
import dev.descent.api.Params;
import dev.descent.api.Spec;
import dev.descent.api.UnknownNameException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Builds nested components from a fixed list of providers, the way the host's registries would: a nested
 * spec such as {@code inner=sgd(lr=0.1)} is resolved by name or alias among the providers of the asked
 * kind, its arguments validated with {@link Params#resolve} (nested specs inside it come back here) and
 * the provider's {@code create} called. A plugin-qualified name ({@code acme:focal}) is matched by its
 * name alone.
 *
 * <pre>{@code
 * ComponentResolver resolver = ProviderResolver.of(new LookaheadProvider(), new SgdProvider());
 * }</pre>
 */
public final class ProviderResolver implements ComponentResolver {
    private final List<ComponentProvider<?>> providers;

    public ProviderResolver(Collection<? extends ComponentProvider<?>> providers) {
        requireNonNull(providers, "providers is null");
        List<ComponentProvider<?>> copy = new ArrayList<>();
        for (ComponentProvider<?> provider : providers) {
            copy.add(requireNonNull(provider, "a provider is null"));
        }
        this.providers = List.copyOf(copy);
    }

    public static ProviderResolver of(ComponentProvider<?>... providers) {
        return new ProviderResolver(List.of(providers));
    }

    /** The providers nested specs are resolved among. */
    public List<ComponentProvider<?>> providers() {
        return providers;
    }

    /**
     * @throws UnknownNameException when no provider of {@code kind} has the spec's name, with the known ones
     * @throws IllegalArgumentException when several have it, or for an invalid parameter
     */
    @Override
    public <T> T create(Class<T> kind, Spec spec) {
        requireNonNull(kind, "kind is null");
        requireNonNull(spec, "spec is null");
        List<ComponentProvider<?>> matches = new ArrayList<>();
        List<String> known = new ArrayList<>();
        for (ComponentProvider<?> provider : providers) {
            Class<?> type = Components.componentType(provider);
            if (type == null || !kind.isAssignableFrom(type)) {
                continue;
            }
            known.add(provider.name());
            if (provider.name().equals(spec.name()) || provider.aliases().contains(spec.name())) {
                matches.add(provider);
            }
        }
        // As the app's registries name their kinds: "transform" for a GradientTransform.
        String kindWord = kind == GradientTransform.class ? "transform" : kind.getSimpleName().toLowerCase(Locale.ROOT);
        if (matches.isEmpty()) {
            throw new UnknownNameException(kindWord, spec.qualifiedName(), known);
        }
        if (matches.size() > 1) {
            throw new IllegalArgumentException(kindWord + " '" + spec.name() + "' is provided by several of "
                    + matches.stream().map(p -> p.getClass().getName()).toList() + "; keep one of them");
        }
        ComponentProvider<?> provider = matches.get(0);
        Params params = Params.resolve(kindWord + " '" + provider.name() + "'", provider.params(), spec.arguments(),
                this);
        Object component = provider.create(params);
        if (component == null) {
            throw new IllegalStateException(kindWord + " provider '" + provider.name() + "' ("
                    + provider.getClass().getName() + ") created null for '" + spec + "'");
        }
        return kind.cast(component);
    }

    @Override
    public String toString() {
        return "ProviderResolver" + providers.stream().map(Components::label).toList();
    }
}
