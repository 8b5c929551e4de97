package dev.descent.app.plugin;

import java.nio.file.Path;
import java.util.List;

/**
 * One plugin found in the plugin folder, loaded or refused: what {@code descent plugins list} shows.
 *
 * @param id {@code Descent-Plugin-Id}, or the jar's file name without {@code .jar}
 * @param version {@code Descent-Plugin-Version}, or null
 * @param apiVersion {@code Descent-Api-Version} as written, or null when the jar does not state it
 * @param location the jar, or the folder holding the plugin jar and its dependencies
 * @param jar the plugin jar itself (inside {@code location} for a folder plugin), or null if none was found
 * @param sha256 the SHA-256 of {@code jar} in hex, or null
 * @param state loaded or refused
 * @param reason why it was refused, one line; null when loaded
 * @param providers what it brings, as {@code kind name} pairs; empty when refused
 * @param notes remarks that do not refuse it: a name it shares with a built-in, a missing API version
 */
public record Plugin(String id, String version, String apiVersion, Path location, Path jar, String sha256,
        State state, String reason, List<Provided> providers, List<String> notes) {

    public enum State {
        LOADED,
        REFUSED;

        /** {@code loaded}, {@code refused}. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A provider a plugin brings: its kind ({@code loss}) and its qualified name ({@code wing:wing}). */
    public record Provided(String kind, String qualifiedName, String className) {}

    public Plugin {
        providers = List.copyOf(providers);
        notes = List.copyOf(notes);
    }

    public boolean isLoaded() {
        return state == State.LOADED;
    }
}
