package dev.descent.app.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** What the plugin loader and the jar inspector agree on about plugin jars: which one a folder holds, and hashes. */
public final class PluginJars {
    /** Manifest attribute naming the plugin. */
    public static final String ID_ATTRIBUTE = "Descent-Plugin-Id";
    private static final String SPI_SERVICES = "META-INF/services/dev.descent.api.*";

    private PluginJars() {}

    /**
     * A jar of a plugin folder.
     *
     * @param hasId whether its manifest has {@value #ID_ATTRIBUTE}
     * @param hasServices whether it has {@code META-INF/services/dev.descent.api.*} files
     */
    public record Candidate(Path jar, boolean hasId, boolean hasServices) {}

    /**
     * The plugin jar among the jars directly in a plugin folder: the one with {@value #ID_ATTRIBUTE}, else the
     * one with provider services files, else the folder's only jar; the others are its libraries.
     *
     * @throws IllegalArgumentException when none or several qualify, saying what the folder should hold
     */
    public static Path choose(Path folder, List<Candidate> jars) {
        List<Path> withId = jars.stream().filter(Candidate::hasId).map(Candidate::jar).toList();
        if (withId.size() == 1) {
            return withId.get(0);
        }
        if (withId.size() > 1) {
            throw new IllegalArgumentException("plugin folder '" + folder + "' holds " + withId.size() + " jars with a '"
                    + ID_ATTRIBUTE + "' manifest attribute (" + fileNames(withId)
                    + "); it should hold one plugin jar and the jars it depends on");
        }
        List<Path> withServices = jars.stream().filter(Candidate::hasServices).map(Candidate::jar).toList();
        if (withServices.size() == 1) {
            return withServices.get(0);
        }
        if (withServices.size() > 1) {
            throw new IllegalArgumentException("plugin folder '" + folder + "' holds " + withServices.size()
                    + " jars with " + SPI_SERVICES + " files (" + fileNames(withServices) + ") and none with a '"
                    + ID_ATTRIBUTE + "' manifest attribute; mark the plugin jar with '" + ID_ATTRIBUTE + "'");
        }
        if (jars.size() == 1) {
            return jars.get(0).jar();
        }
        throw new IllegalArgumentException("plugin folder '" + folder + "' holds no plugin jar: none of "
                + fileNames(jars.stream().map(Candidate::jar).toList()) + " has a '" + ID_ATTRIBUTE
                + "' manifest attribute or a " + SPI_SERVICES + " file");
    }

    /**
     * The SHA-256 of a file, in lower-case hex.
     *
     * @throws IllegalArgumentException naming the file when it cannot be read
     */
    public static String sha256(Path file) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256, which every Java platform must provide", e);
        }
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read '" + file + "': " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String fileNames(List<Path> files) {
        return String.join(", ", files.stream().map(file -> file.getFileName().toString()).toList());
    }
}
