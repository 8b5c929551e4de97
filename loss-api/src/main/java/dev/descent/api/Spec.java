package dev.descent.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A parsed component spec: {@code name}, {@code name(key=value, ...)} or a plugin-qualified
 * {@code acme:focal(gamma=2)}. The grammar is shared by the CLI and pipeline configs; see
 * {@link SpecParser}.
 *
 * @param namespace the plugin id before {@code :}, or null for an unqualified name
 * @param name the component name
 * @param arguments the arguments in the order written; positional ones, which come first, are keyed by
 *     their position: {@code chain(clip_grad_norm, adam)} has {@code "0"} and {@code "1"}
 */
public record Spec(String namespace, String name, Map<String, SpecValue> arguments) implements SpecValue {

    public Spec {
        Objects.requireNonNull(name, "name is null");
        // Positional arguments first, as the grammar requires, so that toString() always parses back.
        Map<String, SpecValue> ordered = new LinkedHashMap<>();
        arguments.forEach((key, value) -> {
            if (isPositional(key)) {
                ordered.put(key, value);
            }
        });
        arguments.forEach((key, value) -> {
            if (!isPositional(key)) {
                ordered.put(key, value);
            }
        });
        arguments = Collections.unmodifiableMap(ordered);
    }

    /** Parses a spec; see {@link SpecParser} for the grammar. */
    public static Spec parse(String text) {
        return SpecParser.parse(text);
    }

    /** An unqualified spec without arguments. */
    public static Spec of(String name) {
        return new Spec(null, name, Map.of());
    }

    /** {@code acme:focal} or {@code focal}. */
    public String qualifiedName() {
        return namespace == null ? name : namespace + ":" + name;
    }

    /** Whether {@code key} of {@link #arguments()} is a position ({@code "0"}, {@code "1"}, …) rather than a name. */
    public static boolean isPositional(String key) {
        return !key.isEmpty() && key.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** The positional arguments, in order. */
    public List<SpecValue> positionalArguments() {
        return arguments.entrySet().stream().filter(entry -> isPositional(entry.getKey()))
                .map(Map.Entry::getValue).toList();
    }

    /** Whether this is a bare word, usable where a string is expected: {@code reduction=mean}. */
    public boolean isBareWord() {
        return namespace == null && arguments.isEmpty();
    }

    /** The canonical spelling, which parses back to an equal spec. */
    @Override
    public String toString() {
        if (arguments.isEmpty()) {
            return qualifiedName();
        }
        return arguments.entrySet().stream()
                .map(entry -> isPositional(entry.getKey()) ? entry.getValue().toString()
                        : entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(", ", qualifiedName() + "(", ")"));
    }
}
