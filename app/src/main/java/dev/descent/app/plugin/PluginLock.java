package dev.descent.app.plugin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The SHA-256 a plugin jar must have, by its path relative to the plugin folder. The file has the
 * format of {@code sha256sum}: one {@code <64 hex digits>  <path>} per line; blank lines and lines
 * starting with {@code #} are ignored. {@code descent plugins lock FILE} writes one.
 */
public final class PluginLock {
    private static final Pattern LINE = Pattern.compile("([0-9a-fA-F]{64}) [ *](.+)");

    private final Path file;
    private final Map<String, String> hashes;

    private PluginLock(Path file, Map<String, String> hashes) {
        this.file = file;
        this.hashes = hashes;
    }

    /**
     * Reads a lock file.
     *
     * @throws IllegalArgumentException naming the file and line that does not fit
     */
    public static PluginLock read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read lock file '" + file + "': " + e.getMessage(), e);
        }
        Map<String, String> hashes = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher matcher = LINE.matcher(line);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("lock file '" + file + "', line " + (i + 1)
                        + ": expected '<sha256 in 64 hex digits>  <jar path>', got '" + line + "'");
            }
            hashes.put(matcher.group(2).strip(), matcher.group(1).toLowerCase(Locale.ROOT));
        }
        return new PluginLock(file, hashes);
    }

    /**
     * The SHA-256 of every jar a plugin folder holds (top-level jars and the jars of plugin folders), by
     * path relative to the folder: what {@code descent plugins lock} records.
     */
    public static Map<String, String> hashes(Path folder) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : entries.filter(PluginLoader::isCandidate).toList()) {
                List<Path> jars;
                if (Files.isDirectory(entry)) {
                    try (Stream<Path> inner = Files.list(entry)) {
                        jars = inner.filter(p -> p.getFileName().toString().endsWith(".jar")).toList();
                    }
                } else {
                    jars = List.of(entry);
                }
                for (Path jar : jars) {
                    hashes.put(folder.relativize(jar).toString().replace('\\', '/'), PluginJars.sha256(jar));
                }
            }
        }
        return hashes;
    }

    /** Writes {@code sha256 → path} lines to {@code file}, through a temporary file renamed into place. */
    public static void write(Path file, Map<String, String> hashesByPath) throws IOException {
        StringBuilder text = new StringBuilder("# Descent plugin lock: the SHA-256 each plugin jar must have\n");
        hashesByPath.forEach((path, hash) -> text.append(hash).append("  ").append(path).append('\n'));
        Path absolute = file.toAbsolutePath();
        Path temporary = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Why a jar may not load, or null when its hash is the recorded one.
     *
     * @param relativePath the jar's path relative to the plugin folder, with {@code /} separators
     */
    String refusal(String relativePath, String sha256) {
        String expected = hashes.get(relativePath);
        if (expected == null) {
            return "'" + relativePath + "' is not listed in lock file '" + file + "'";
        }
        if (!expected.equals(sha256)) {
            return "SHA-256 " + sha256 + " differs from " + expected + " recorded in lock file '" + file + "'";
        }
        return null;
    }
}
