package dev.descent.api;

import java.util.Collection;
import java.util.List;

/** A component name no registry knows: {@code unknown loss 'mse2'; did you mean 'mse'?}. */
public final class UnknownNameException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String name;
    private final List<String> suggestions;

    /**
     * @param kind what was looked up, e.g. {@code loss}
     * @param name the name as written
     * @param known every name that would have been accepted
     */
    public UnknownNameException(String kind, String name, Collection<String> known) {
        super(message(kind, name, known));
        this.kind = kind;
        this.name = name;
        this.suggestions = Suggestions.closest(name, known);
    }

    private static String message(String kind, String name, Collection<String> known) {
        String hint = Suggestions.didYouMean(name, known);
        return "unknown " + kind + " '" + name + "'" + (hint.isEmpty()
                ? "; known " + kind + " names: " + String.join(", ", known.stream().sorted().toList())
                : hint);
    }

    public String kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public List<String> suggestions() {
        return suggestions;
    }
}
