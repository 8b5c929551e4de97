package dev.descent.app.plugin.scaffold;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scaffold's templates: plain text resources next to this class with {@code {{key}}} placeholders.
 *
 * <p>Why not {@code ${key}}: the app's resources are filtered by Maven when Descent is built, which would
 * replace {@code ${...}} (and {@code @...@}) expressions it knows, such as {@code ${project.version}}, with
 * Descent's own values. So placeholders use braces, and a Maven expression the generated {@code pom.xml}
 * must keep is written {@code {{mvn:project.version}}} and rendered as {@code ${project.version}}.
 */
final class Templates {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^{}]*)\\}\\}");
    private static final String MAVEN_PREFIX = "mvn:";

    private Templates() {}

    /** The bytes of a resource next to this class, such as {@code wrapper/mvnw}. */
    static byte[] bytes(String resource) {
        requireNonNull(resource, "resource is null");
        try (InputStream in = Templates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("scaffold template '" + resource + "' is missing from the class path"
                        + " next to " + Templates.class.getName() + "; the Descent build is incomplete");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scaffold template '" + resource + "'", e);
        }
    }

    /** The UTF-8 text of a resource next to this class. */
    static String text(String resource) {
        return new String(bytes(resource), StandardCharsets.UTF_8);
    }

    /** The resource with every placeholder replaced. */
    static String render(String resource, Map<String, String> values) {
        return render(resource, text(resource), values);
    }

    /**
     * Replaces each {@code {{key}}} of {@code template} with {@code values.get(key)} and each
     * {@code {{mvn:expression}}} with {@code ${expression}}.
     *
     * @param resource the template's name, for messages
     * @throws IllegalStateException for a placeholder without a value: a bug of the template
     */
    static String render(String resource, String template, Map<String, String> values) {
        requireNonNull(template, "template is null");
        requireNonNull(values, "values is null");
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 256);
        while (matcher.find()) {
            String key = matcher.group(1);
            String value;
            if (key.startsWith(MAVEN_PREFIX) && key.length() > MAVEN_PREFIX.length()) {
                value = "${" + key.substring(MAVEN_PREFIX.length()) + "}";
            } else {
                value = values.get(key);
                if (value == null) {
                    throw new IllegalStateException("scaffold template '" + resource + "' has an unknown placeholder"
                            + " '{{" + key + "}}'; known: " + String.join(", ", new TreeSet<>(values.keySet()))
                            + ", or {{mvn:expression}} for a Maven ${expression}");
                }
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
