package dev.descent.app.registry;

import static java.util.Objects.requireNonNull;

import dev.descent.api.ComponentProvider;
import dev.descent.api.ComponentResolver;
import dev.descent.api.Params;
import dev.descent.api.Spec;
import dev.descent.api.UnknownNameException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The components of one kind by name: resolves a spec to its provider (by canonical name, alias or
 * plugin-qualified name), validates the parameters and creates the component.
 *
 * <p>Keys are canonical names for built-ins and {@code pluginId:name} for plugin providers. A bare name
 * finds the built-in of that name, or else the one plugin provider of that name; when several plugins
 * share it the user must qualify it.
 *
 * @param <T> the kind of component
 */
public class Registry<T> {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern KEY = Pattern.compile("(?:[A-Za-z0-9][A-Za-z0-9_.-]*:)?[a-z][a-z0-9_]*");

    private final String kind;
    private final String category;
    private final Class<T> type;
    private final ComponentResolver resolver;
    /** Canonical key to provider, sorted. */
    private final Map<String, ComponentProvider<T>> byKey = new TreeMap<>();
    /** Every spelling (key, bare name, alias, qualified alias) to the keys it may mean. */
    private final Map<String, Set<String>> spellings = new TreeMap<>();

    /**
     * @param kind the kind in words, for messages: {@code loss}
     * @param category the plural, as {@code descent list} takes it: {@code losses}
     * @param type the component type, e.g. {@code Loss.class}
     * @param providers by key: the canonical name, or {@code pluginId:name}
     * @param resolver creates nested components named in parameters
     * @throws IllegalStateException for a malformed name, or an alias that clashes with another name
     */
    protected Registry(String kind, String category, Class<T> type, Map<String, ? extends ComponentProvider<T>> providers,
            ComponentResolver resolver) {
        this.kind = requireNonNull(kind, "kind is null");
        this.category = requireNonNull(category, "category is null");
        this.type = requireNonNull(type, "type is null");
        this.resolver = requireNonNull(resolver, "resolver is null");
        providers.forEach(this::register);
    }

    private void register(String key, ComponentProvider<T> provider) {
        String name = provider.name();
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalStateException(kind + " provider " + provider.getClass().getName() + " has name '" + name
                    + "'; a name is snake_case: a lower-case letter, then lower-case letters, digits or _");
        }
        if (!KEY.matcher(key).matches() || !(key.equals(name) || key.endsWith(":" + name))) {
            throw new IllegalStateException(kind + " provider " + provider.getClass().getName() + " is bound as '"
                    + key + "'; expected '" + name + "' or 'pluginId:" + name + "'");
        }
        byKey.put(key, provider);
        String namespace = key.equals(name) ? null : key.substring(0, key.length() - name.length() - 1);
        List<String> names = new ArrayList<>();
        names.add(name);
        for (String alias : provider.aliases()) {
            if (!NAME.matcher(alias).matches()) {
                throw new IllegalStateException(kind + " '" + key + "' has alias '" + alias + "'; an alias is snake_case");
            }
            names.add(alias);
        }
        for (String spelling : names) {
            if (namespace == null) {
                for (String other : spellings.getOrDefault(spelling, Set.of())) {
                    if (other.indexOf(':') < 0) {
                        throw new IllegalStateException(kind + " name '" + spelling + "' is claimed by both '" + other
                                + "' (" + byKey.get(other).getClass().getName() + ") and '" + key + "' ("
                                + provider.getClass().getName() + ")");
                    }
                }
            }
            spellings.computeIfAbsent(spelling, s -> new TreeSet<>()).add(key);
            if (namespace != null) {
                spellings.computeIfAbsent(namespace + ":" + spelling, s -> new TreeSet<>()).add(key);
            }
        }
    }

    /** The kind in words: {@code loss}. */
    public String kind() {
        return kind;
    }

    /** The plural: {@code losses}. */
    public String category() {
        return category;
    }

    public Class<T> type() {
        return type;
    }

    /**
     * Parses and creates a component: {@code create("adam(lr=0.01)")}.
     *
     * @throws IllegalArgumentException for a malformed spec, an unknown name (with the nearest names) or an
     *     invalid parameter
     */
    public T create(String spec) {
        return create(Spec.parse(spec));
    }

    /** Creates a component from a parsed spec. */
    public T create(Spec spec) {
        String key = resolve(spec.qualifiedName());
        ComponentProvider<T> provider = byKey.get(key);
        Params params = Params.resolve(kind + " '" + key + "'", provider.params(), spec.arguments(), resolver);
        return requireNonNull(provider.create(params), () -> kind + " provider '" + key + "' created null");
    }

    /** The canonical keys, sorted: built-in names and {@code pluginId:name} for plugins. */
    public Set<String> names() {
        return Collections.unmodifiableSet(byKey.keySet());
    }

    /**
     * Whether {@code name} (canonical, alias or qualified) names a provider here; true also when several
     * plugins share it, in which case {@link #create} asks for a qualified name.
     */
    public boolean contains(String name) {
        return !candidates(name).isEmpty();
    }

    /** The provider {@code name} resolves to, if exactly one. */
    public Optional<ComponentProvider<T>> find(String name) {
        Set<String> keys = candidates(name);
        return keys.size() == 1 ? Optional.of(byKey.get(keys.iterator().next())) : Optional.empty();
    }

    /**
     * The provider for a name.
     *
     * @throws UnknownNameException with the nearest known names
     * @throws IllegalArgumentException when several plugins provide the name, listing the qualified names
     */
    public ComponentProvider<T> provider(String name) {
        return byKey.get(resolve(name));
    }

    /** What {@code descent describe} shows for a name. */
    public Description describe(String name) {
        String key = resolve(name);
        ComponentProvider<T> provider = byKey.get(key);
        int colon = key.indexOf(':');
        return new Description(kind, key, provider.aliases(), provider.description(), provider.whenToUse(),
                provider.params(), colon < 0 ? null : key.substring(0, colon), provider.getClass().getName());
    }

    /** A description of every component, sorted by key. */
    public List<Description> describeAll() {
        return byKey.keySet().stream().map(this::describe).toList();
    }

    private String resolve(String name) {
        Set<String> keys = candidates(name);
        if (keys.isEmpty()) {
            throw new UnknownNameException(kind, name, spellings.keySet());
        }
        if (keys.size() > 1) {
            throw new IllegalArgumentException(kind + " '" + name + "' is provided by several plugins; name one of: "
                    + String.join(", ", keys));
        }
        return keys.iterator().next();
    }

    private Set<String> candidates(String name) {
        Set<String> keys = spellings.getOrDefault(name, Set.of());
        // A built-in keeps its bare name (and aliases) even when plugins bring the same one.
        Set<String> builtIns = new TreeSet<>();
        for (String key : keys) {
            if (key.indexOf(':') < 0) {
                builtIns.add(key);
            }
        }
        return builtIns.size() == 1 ? builtIns : keys;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + names();
    }
}
