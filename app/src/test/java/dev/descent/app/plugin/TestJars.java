package dev.descent.app.plugin;

import static java.util.Objects.requireNonNull;

import dev.descent.api.LossProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Builds plugin jars for tests: Java sources compiled against the test class path (which holds loss-api)
 * plus any extra jars, a manifest, {@code META-INF/services} files and any other resource.
 *
 * <pre>{@code
 * Path jar = TestJars.builder()
 *         .source("org.acme.FocalProvider", "package org.acme; public class FocalProvider implements ...")
 *         .service("dev.descent.api.LossProvider", "org.acme.FocalProvider")
 *         .manifest("Descent-Plugin-Id", "acme")
 *         .write(dir.resolve("acme.jar"));
 * }</pre>
 *
 * Entries are written in a fixed order with a fixed time, so the same builder writes the same bytes.
 */
public final class TestJars {
    /** 2020-01-01T00:00:00Z: a fixed entry time, so that a jar's bytes (and SHA-256) do not depend on the clock. */
    private static final long ENTRY_TIME = 1_577_836_800_000L;

    private TestJars() {}

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Writes a truncated jar to {@code file}: the first half of a real jar holding a class, a manifest and a
     * services file, as a download cut short leaves it (it starts like a zip, its central directory is gone).
     *
     * @return {@code file}
     */
    public static Path corrupt(Path file) {
        try {
            Path dir = Files.createTempDirectory("descent-corrupt");
            try {
                Path whole = builder()
                        .source("org.corrupt.Whole", "package org.corrupt; public class Whole {}")
                        .service(LossProvider.class.getName(), "org.corrupt.Whole")
                        .manifest("Descent-Plugin-Id", "corrupt")
                        .write(dir.resolve("whole.jar"));
                byte[] bytes = Files.readAllBytes(whole);
                write(file, Arrays.copyOf(bytes, bytes.length / 2));
            } finally {
                deleteTree(dir);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes {@code size} pseudo-random bytes (from {@code seed}) to {@code file}: something named like a jar
     * that is not a zip at all.
     *
     * @return {@code file}
     */
    public static Path randomBytes(Path file, int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        write(file, bytes);
        return file;
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What goes into one jar. Not thread-safe; each {@link #write} compiles afresh. */
    public static final class Builder {
        private final Map<String, String> sources = new LinkedHashMap<>();
        private final Map<String, Set<String>> services = new LinkedHashMap<>();
        private final Map<String, byte[]> resources = new LinkedHashMap<>();
        private final Map<String, String> manifest = new LinkedHashMap<>();
        private final List<Path> classPath = new ArrayList<>();
        private boolean writeManifest = true;

        private Builder() {}

        /** A Java source for the class {@code className} (fully qualified, e.g. {@code org.acme.Foo}). */
        public Builder source(String className, String javaSource) {
            requireNonNull(className, "className is null");
            requireNonNull(javaSource, "javaSource is null");
            sources.put(className, javaSource);
            return this;
        }

        /** Lines for {@code META-INF/services/<spi>}, one per class name, in the order given. */
        public Builder service(String spi, String... classNames) {
            requireNonNull(spi, "spi is null");
            Set<String> lines = services.computeIfAbsent(spi, k -> new LinkedHashSet<>());
            for (String className : classNames) {
                lines.add(requireNonNull(className, "className is null"));
            }
            return this;
        }

        /** Lines for {@code META-INF/services/<spi's name>}, one per class name. */
        public Builder service(Class<?> spi, String... classNames) {
            return service(spi.getName(), classNames);
        }

        /** Any entry, e.g. a services file with comments or a class file written by hand. */
        public Builder resource(String entryName, byte[] content) {
            requireNonNull(entryName, "entryName is null");
            resources.put(entryName, content.clone());
            return this;
        }

        /** Any entry, as UTF-8 text. */
        public Builder resource(String entryName, String content) {
            return resource(entryName, content.getBytes(StandardCharsets.UTF_8));
        }

        /** A main attribute of the manifest, e.g. {@code Descent-Plugin-Id}. */
        public Builder manifest(String attribute, String value) {
            requireNonNull(attribute, "attribute is null");
            requireNonNull(value, "value is null");
            manifest.put(attribute, value);
            return this;
        }

        /** Writes no {@code META-INF/MANIFEST.MF} at all. */
        public Builder withoutManifest() {
            writeManifest = false;
            return this;
        }

        /** Jars or class folders to compile against besides the test class path, e.g. a library jar built before. */
        public Builder classPath(Path... entries) {
            for (Path entry : entries) {
                classPath.add(requireNonNull(entry, "class path entry is null"));
            }
            return this;
        }

        /**
         * Compiles the sources (Java 17) and writes the jar, creating its folder if needed.
         *
         * @return {@code jar}
         * @throws IllegalStateException with the compiler's messages when a source does not compile
         */
        public Path write(Path jar) {
            requireNonNull(jar, "jar is null");
            try {
                Path work = Files.createTempDirectory("descent-testjar");
                try {
                    Map<String, byte[]> classes = compile(work);
                    writeJar(jar, classes);
                } finally {
                    deleteTree(work);
                }
                return jar;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private Map<String, byte[]> compile(Path work) throws IOException {
            Map<String, byte[]> classes = new LinkedHashMap<>();
            if (sources.isEmpty()) {
                return classes;
            }
            Path sourceDir = Files.createDirectories(work.resolve("src"));
            Path classDir = Files.createDirectories(work.resolve("classes"));
            List<File> files = new ArrayList<>();
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = sourceDir.resolve(source.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue());
                files.add(file.toFile());
            }
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            if (compiler == null) {
                throw new IllegalStateException("no Java compiler: run the tests on a JDK, not a JRE");
            }
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            try (StandardJavaFileManager fileManager =
                    compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
                List<String> options = List.of("--release", "17", "-proc:none", "-encoding", "UTF-8",
                        "-classpath", compileClassPath(), "-d", classDir.toString());
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                boolean ok = compiler.getTask(new PrintWriter(out, true, StandardCharsets.UTF_8),
                        fileManager, diagnostics, options, null, fileManager.getJavaFileObjectsFromFiles(files)).call();
                if (!ok) {
                    String messages = diagnostics.getDiagnostics().stream()
                            .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                            .map(d -> d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                            .collect(Collectors.joining("\n"));
                    throw new IllegalStateException("test sources do not compile:\n" + messages + out);
                }
            }
            try (Stream<Path> walk = Files.walk(classDir)) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                    classes.put(classDir.relativize(file).toString().replace(File.separatorChar, '/'),
                            Files.readAllBytes(file));
                }
            }
            return classes;
        }

        private String compileClassPath() {
            Set<String> entries = new LinkedHashSet<>();
            classPath.forEach(entry -> entries.add(entry.toAbsolutePath().toString()));
            // Surefire puts the test class path in java.class.path; loss-api's location is added in case a
            // runner does not.
            entries.add(codeSource(LossProvider.class));
            for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    entries.add(entry);
                }
            }
            return String.join(File.pathSeparator, entries);
        }

        private void writeJar(Path jar, Map<String, byte[]> classes) throws IOException {
            Path parent = jar.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            try (OutputStream file = Files.newOutputStream(jar);
                    JarOutputStream out = new JarOutputStream(file)) {
                if (writeManifest) {
                    Manifest mf = new Manifest();
                    mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
                    manifest.forEach((name, value) -> mf.getMainAttributes().put(new Attributes.Name(name), value));
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    mf.write(bytes);
                    entry(out, "META-INF/MANIFEST.MF", bytes.toByteArray());
                }
                for (Map.Entry<String, Set<String>> service : services.entrySet()) {
                    String text = service.getValue().stream().map(line -> line + "\n").collect(Collectors.joining());
                    entry(out, "META-INF/services/" + service.getKey(), text.getBytes(StandardCharsets.UTF_8));
                }
                for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
                    entry(out, resource.getKey(), resource.getValue());
                }
                for (Map.Entry<String, byte[]> type : classes.entrySet()) {
                    entry(out, type.getKey(), type.getValue());
                }
            }
        }

        private static void entry(JarOutputStream out, String name, byte[] content) throws IOException {
            JarEntry entry = new JarEntry(name);
            entry.setTime(ENTRY_TIME);
            out.putNextEntry(entry);
            out.write(content);
            out.closeEntry();
        }
    }

    private static String codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + type.getName(), e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
