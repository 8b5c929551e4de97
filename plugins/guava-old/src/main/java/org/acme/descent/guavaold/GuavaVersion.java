package org.acme.descent.guavaold;

import com.google.common.math.Quantiles;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

/**
 * Which Guava this plugin's code runs against: the one its class loader found, which in the app should be
 * the plugin's own bundled jar and not the app's. Guava's manifest has no {@code Implementation-Version},
 * so the version is read from the {@code pom.properties} Maven put into the very jar (or folder) that
 * {@link Quantiles} was loaded from, and failing that from the jar's file name.
 */
public final class GuavaVersion {
    private static final String POM_PROPERTIES = "META-INF/maven/com.google.guava/guava/pom.properties";
    private static final Pattern JAR_NAME = Pattern.compile("guava-(.+)\\.jar");

    private GuavaVersion() {}

    /** The version of the Guava in use, e.g. {@code 31.1-jre}, or {@code unknown}. */
    public static String seen() {
        Path location = location();
        if (location == null) {
            return "unknown";
        }
        String version = fromPomProperties(location);
        if (version != null) {
            return version;
        }
        Matcher name = JAR_NAME.matcher(String.valueOf(location.getFileName()));
        return name.matches() ? name.group(1) : "unknown";
    }

    /** The jar or folder Guava's classes were loaded from, or null when the JVM does not say. */
    public static Path location() {
        CodeSource source = Quantiles.class.getProtectionDomain().getCodeSource();
        URL url = source == null ? null : source.getLocation();
        if (url == null) {
            return null;
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String fromPomProperties(Path location) {
        Properties properties = new Properties();
        try {
            if (Files.isDirectory(location)) {
                Path file = location.resolve(POM_PROPERTIES);
                if (!Files.isRegularFile(file)) {
                    return null;
                }
                try (InputStream in = Files.newInputStream(file)) {
                    properties.load(in);
                }
            } else {
                // Read the jar directly: a class loader's getResource could answer from another jar.
                try (JarFile jar = new JarFile(location.toFile())) {
                    ZipEntry entry = jar.getEntry(POM_PROPERTIES);
                    if (entry == null) {
                        return null;
                    }
                    try (InputStream in = jar.getInputStream(entry)) {
                        properties.load(in);
                    }
                }
            }
        } catch (IOException | SecurityException e) {
            return null;
        }
        return properties.getProperty("version");
    }
}
