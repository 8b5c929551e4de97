package dev.descent.app.plugin.scaffold;

import static java.util.Objects.requireNonNull;

import dev.descent.api.ApiVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.lang.model.SourceVersion;

/**
 * Writes a new plugin project, what {@code descent plugins new NAME --kind loss|optimizer|layer} does: a
 * Maven project that builds with {@code ./mvnw package} into a plugin jar and passes the testkit's
 * contract as generated. It holds
 *
 * <ul>
 *   <li>{@code pom.xml}: {@code descent-loss-api} ({@code provided}), {@code descent-plugin-testkit} and
 *       JUnit ({@code test}) at the versions of the Descent that generates it, the manifest entries
 *       {@code Descent-Plugin-Id}, {@code Descent-Plugin-Version}, {@code Descent-Api-Version}, and every
 *       build plugin pinned;</li>
 *   <li>the Maven wrapper ({@code mvnw}, {@code mvnw.cmd}, {@code .mvn/wrapper}), Descent's own;</li>
 *   <li>a small, correct example of the kind named NAME, its provider, the {@code META-INF/services}
 *       entry, a contract test extending the testkit's and a test of hand-worked values;</li>
 *   <li>{@code README.md} (build, test, install) and {@code .gitignore}.</li>
 * </ul>
 *
 * <p>The folder must be new or empty, so nothing of the user's is overwritten. Files are written under a
 * temporary name and renamed; if writing fails, whatever was written is removed again.
 */
public final class PluginScaffold {

    /** The kinds of component a plugin project can start from. */
    public enum Kind {
        LOSS("loss", "Loss"),
        OPTIMIZER("optimizer", "Optimizer"),
        LAYER("layer", "Layer");

        private final String word;
        private final String typeName;

        Kind(String word, String typeName) {
            this.word = word;
            this.typeName = typeName;
        }

        /** As written on the command line: {@code loss}, {@code optimizer}, {@code layer}. */
        public String word() {
            return word;
        }

        /** The API type: {@code Loss}, whose provider interface is {@code dev.descent.api.LossProvider}. */
        public String typeName() {
            return typeName;
        }

        /**
         * The kind a command-line word names, in any case.
         *
         * @throws IllegalArgumentException quoting the word and listing the kinds
         */
        public static Kind parse(String word) {
            requireNonNull(word, "word is null");
            for (Kind kind : values()) {
                if (kind.word.equals(word.trim().toLowerCase(Locale.ROOT))) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown plugin kind '" + word + "'; expected one of "
                    + Stream.of(values()).map(Kind::word).collect(Collectors.joining(", ")));
        }

        @Override
        public String toString() {
            return word;
        }
    }

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
    // A word of the spec grammar (so that 'id:name' parses) and a key the registries accept.
    private static final Pattern PLUGIN_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");
    private static final String API_PACKAGE = "dev.descent.api";
    private static final String VERSION_RESOURCE = "/descent-version.properties";
    private static final String SCAFFOLD_RESOURCE = "scaffold.properties";

    /**
     * Simple names the generated sources use; a class of the same name would shadow them and break the
     * build, so such a NAME gets the kind appended ({@code tensor} as a layer: {@code TensorLayer}).
     */
    private static final Set<String> RESERVED_CLASS_NAMES = Set.of(
            "Loss", "Optimizer", "Layer", "LossProvider", "OptimizerProvider", "LayerProvider", "ComponentProvider",
            "Reduction", "Shapes", "Tensor", "Parameter", "State", "ParamSpec", "Params",
            "LossContract", "OptimizerContract", "LayerContract", "Test", "Assertions",
            "List", "Map", "Set", "HashMap", "HashSet");

    private PluginScaffold() {}

    /**
     * Writes a plugin project with the default plugin id ({@link #defaultPluginId}) and Java package
     * ({@link #defaultJavaPackage}).
     *
     * @see #write(Path, String, Kind, String, String)
     */
    public static List<Path> write(Path directory, String name, Kind kind) {
        checkName(name);
        return write(directory, name, kind, defaultPluginId(name), defaultJavaPackage(name));
    }

    /**
     * Writes a plugin project into {@code directory}, which is created if it does not exist.
     *
     * @param directory a new or empty folder
     * @param name the component's name in specs, snake_case, e.g. {@code log_cosh}
     * @param kind what the example is
     * @param pluginId the jar's {@code Descent-Plugin-Id}, which qualifies its names: {@code pluginId:name}
     * @param javaPackage the package of the generated classes; the Maven groupId is derived from it
     *     ({@link #groupIdOf})
     * @return the files written, in the folder, in a stable order
     * @throws IllegalArgumentException for an invalid name, plugin id or package, or a folder that is a file
     *     or not empty, saying what would be valid; nothing is written then
     * @throws UncheckedIOException if writing fails; what was written is removed again
     */
    public static List<Path> write(Path directory, String name, Kind kind, String pluginId, String javaPackage) {
        requireNonNull(directory, "directory is null");
        requireNonNull(kind, "kind is null");
        checkName(name);
        checkPluginId(pluginId);
        checkJavaPackage(javaPackage);
        Path folder = directory.toAbsolutePath().normalize();
        checkFolder(folder);
        Project project = new Project(name, kind, pluginId, javaPackage, groupIdOf(javaPackage),
                className(name, kind), descentVersion(), junitVersion(), ApiVersion.CURRENT.toString());
        return new Writer(folder).write(files(project));
    }

    /**
     * Checks a component name: snake_case, as the registries require.
     *
     * @throws IllegalArgumentException quoting the name and saying what is valid
     */
    public static void checkName(String name) {
        requireNonNull(name, "name is null");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid plugin name '" + name + "'; a name is snake_case: a lower-case"
                    + " letter, then lower-case letters, digits or _, e.g. log_cosh");
        }
    }

    /**
     * Checks a plugin id: a word the spec grammar reads before {@code :}, e.g. {@code acme}.
     *
     * @throws IllegalArgumentException quoting the id and saying what is valid
     */
    public static void checkPluginId(String pluginId) {
        requireNonNull(pluginId, "pluginId is null");
        if (!PLUGIN_ID.matcher(pluginId).matches()) {
            throw new IllegalArgumentException("invalid plugin id '" + pluginId + "'; a plugin id is a letter, then"
                    + " letters, digits, _, - or ., e.g. acme");
        }
    }

    /**
     * Checks a Java package for the generated classes.
     *
     * @throws IllegalArgumentException quoting the package and saying what is valid
     */
    public static void checkJavaPackage(String javaPackage) {
        requireNonNull(javaPackage, "javaPackage is null");
        if (!SourceVersion.isName(javaPackage)) {
            throw new IllegalArgumentException("invalid Java package '" + javaPackage + "'; a package is Java"
                    + " identifiers (not keywords) separated by dots, e.g. org.example.descent.log_cosh");
        }
        if (javaPackage.equals(API_PACKAGE) || javaPackage.startsWith(API_PACKAGE + ".")) {
            throw new IllegalArgumentException("Java package '" + javaPackage + "' is inside " + API_PACKAGE
                    + ", which Descent always loads from itself, so a plugin's classes there would never be found;"
                    + " choose a package of your own, e.g. org.example.descent.log_cosh");
        }
        if (javaPackage.equals("java") || javaPackage.startsWith("java.")) {
            throw new IllegalArgumentException("Java package '" + javaPackage + "' is reserved for the JDK;"
                    + " choose a package of your own, e.g. org.example.descent.log_cosh");
        }
    }

    /** The plugin id a project gets unless one is given: the name itself. */
    public static String defaultPluginId(String name) {
        checkName(name);
        return name;
    }

    /** The package a project gets unless one is given: {@code org.example.descent.NAME}. */
    public static String defaultJavaPackage(String name) {
        checkName(name);
        String javaPackage = "org.example.descent." + name;
        // A keyword such as 'int' cannot be a package segment; JLS 6.1 suggests appending an underscore.
        return SourceVersion.isName(javaPackage) ? javaPackage : javaPackage + "_";
    }

    /**
     * The Maven groupId of a project in {@code javaPackage}: its first two segments, the reversed domain
     * ({@code org.example.descent.log_cosh}: {@code org.example}); a package of one segment is the groupId.
     */
    public static String groupIdOf(String javaPackage) {
        String[] segments = javaPackage.split("\\.");
        return segments.length == 1 ? segments[0] : segments[0] + "." + segments[1];
    }

    /** {@code log_cosh}: {@code LogCosh}; {@code LossLoss} for a name the generated code needs itself. */
    static String className(String name, Kind kind) {
        StringBuilder camel = new StringBuilder();
        for (String part : name.split("_")) {
            if (!part.isEmpty()) {
                camel.append(Character.toUpperCase(part.charAt(0))).append(part, 1, part.length());
            }
        }
        String base = camel.toString();
        boolean clashes = Stream.of(base, base + "Provider", base + "Test", base + "ContractTest")
                .anyMatch(candidate -> RESERVED_CLASS_NAMES.contains(candidate) || isJavaLangType(candidate));
        return clashes ? base + kind.typeName() : base;
    }

    // A class named like a java.lang type (Math, String, Object, ...) would shadow it in the generated code.
    private static boolean isJavaLangType(String simpleName) {
        try {
            Class.forName("java.lang." + simpleName, false, ClassLoader.getPlatformClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** The Descent version this app was built as, from {@code descent-version.properties}. */
    static String descentVersion() {
        return builtProperty(PluginScaffold.class.getResourceAsStream(VERSION_RESOURCE), VERSION_RESOURCE, "version");
    }

    /** The JUnit version Descent is tested with, which the generated project tests with too. */
    static String junitVersion() {
        return builtProperty(PluginScaffold.class.getResourceAsStream(SCAFFOLD_RESOURCE), SCAFFOLD_RESOURCE,
                "junit.version");
    }

    // Both files are filled in by Maven's resource filtering; an unfiltered one means a broken build.
    private static String builtProperty(InputStream stream, String resource, String key) {
        Properties properties = new Properties();
        try (InputStream in = stream) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        String value = properties.getProperty(key, "").trim();
        if (value.isEmpty() || value.contains("${")) {
            throw new IllegalStateException("resource " + resource + " holds no '" + key + "' (found '" + value
                    + "'); it is filled in when Descent is built with Maven (./mvnw package)");
        }
        return value;
    }

    private static void checkFolder(Path folder) {
        if (Files.isDirectory(folder)) {
            List<String> entries;
            try (Stream<Path> list = Files.list(folder)) {
                entries = list.map(path -> path.getFileName().toString()).sorted().limit(4).toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read folder '" + folder + "'", e);
            }
            if (!entries.isEmpty()) {
                throw new IllegalArgumentException("folder '" + folder + "' is not empty (it holds '"
                        + String.join("', '", entries.subList(0, Math.min(3, entries.size()))) + "'"
                        + (entries.size() > 3 ? ", ..." : "") + "); a new plugin project needs a new or empty folder");
            }
        } else if (Files.exists(folder)) {
            throw new IllegalArgumentException("'" + folder + "' is a file, not a folder; a new plugin project needs"
                    + " a new or empty folder");
        }
    }

    /** The files of a project: the path in the project, and the bytes. */
    private static Map<String, GeneratedFile> files(Project project) {
        Map<String, String> values = project.placeholders();
        String kindFolder = project.kind().word() + "/";
        String sources = "src/main/java/" + project.packagePath() + "/";
        String tests = "src/test/java/" + project.packagePath() + "/";
        String className = project.className();

        Map<String, GeneratedFile> files = new LinkedHashMap<>();
        files.put("pom.xml", text(Templates.render("pom.xml.tmpl", values)));
        Map<String, String> readme = new LinkedHashMap<>(values);
        readme.put("example", Templates.render(kindFolder + "readme-example.md.tmpl", values).strip());
        files.put("README.md", text(Templates.render("README.md.tmpl", readme)));
        files.put(".gitignore", text(Templates.render("gitignore.tmpl", values)));
        files.put("mvnw", new GeneratedFile(Templates.bytes("wrapper/mvnw"), true));
        files.put("mvnw.cmd", new GeneratedFile(Templates.bytes("wrapper/mvnw.cmd"), false));
        files.put(".mvn/wrapper/maven-wrapper.properties",
                new GeneratedFile(Templates.bytes("wrapper/maven-wrapper.properties"), false));
        files.put(sources + className + ".java", text(Templates.render(kindFolder + "Component.java.tmpl", values)));
        files.put(sources + className + "Provider.java",
                text(Templates.render(kindFolder + "Provider.java.tmpl", values)));
        files.put("src/main/resources/META-INF/services/dev.descent.api." + project.kind().typeName() + "Provider",
                text(Templates.render("services.tmpl", values)));
        files.put(tests + className + "ContractTest.java",
                text(Templates.render(kindFolder + "ContractTest.java.tmpl", values)));
        files.put(tests + className + "Test.java", text(Templates.render(kindFolder + "ValuesTest.java.tmpl", values)));
        return files;
    }

    private static GeneratedFile text(String content) {
        return new GeneratedFile(content.getBytes(StandardCharsets.UTF_8), false);
    }

    /** What a project is made from: the validated inputs and the versions it builds against. */
    record Project(String name, Kind kind, String pluginId, String javaPackage, String groupId, String className,
            String descentVersion, String junitVersion, String apiVersion) {

        String packagePath() {
            return javaPackage.replace('.', '/');
        }

        String artifactId() {
            return "descent-plugin-" + name;
        }

        /** The values of the templates' {@code {{key}}} placeholders. */
        Map<String, String> placeholders() {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("name", name);
            values.put("className", className);
            values.put("package", javaPackage);
            values.put("packagePath", packagePath());
            values.put("pluginId", pluginId);
            values.put("groupId", groupId);
            values.put("artifactId", artifactId());
            values.put("kindWord", kind.word());
            values.put("kindType", kind.typeName());
            values.put("descentVersion", descentVersion);
            values.put("junitVersion", junitVersion);
            values.put("apiVersion", apiVersion);
            return Collections.unmodifiableMap(values);
        }
    }

    private record GeneratedFile(byte[] content, boolean executable) {}

    /** Writes files into a folder, and removes what it created if one of them fails. */
    private static final class Writer {
        private final Path folder;
        /** Files and folders this writer created, in order, to remove on failure. */
        private final List<Path> created = new ArrayList<>();

        Writer(Path folder) {
            this.folder = folder;
        }

        List<Path> write(Map<String, GeneratedFile> files) {
            List<Path> written = new ArrayList<>();
            try {
                createFolders(folder);
                for (Map.Entry<String, GeneratedFile> file : files.entrySet()) {
                    written.add(write(folder.resolve(file.getKey()), file.getValue()));
                }
            } catch (IOException | RuntimeException e) {
                removeCreated(e);
                if (e instanceof IOException io) {
                    throw new UncheckedIOException("cannot write the plugin project into '" + folder + "': "
                            + io.getMessage() + "; nothing was left behind", io);
                }
                throw (RuntimeException) e;
            }
            return List.copyOf(written);
        }

        private Path write(Path target, GeneratedFile file) throws IOException {
            createFolders(target.getParent());
            // A temporary name first, so that a failure never leaves a half-written file under the real one.
            Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
            created.add(temporary);
            Files.write(temporary, file.content());
            if (file.executable()) {
                makeExecutable(temporary);
            }
            move(temporary, target);
            created.add(target);
            return target;
        }

        private static void move(Path source, Path target) throws IOException {
            try {
                Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(source, target);
            }
        }

        private static void makeExecutable(Path file) throws IOException {
            if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
            } else if (!file.toFile().setExecutable(true, false)) {
                throw new IOException("cannot make '" + file + "' executable");
            }
        }

        private void createFolders(Path path) throws IOException {
            if (path == null || Files.isDirectory(path)) {
                return;
            }
            createFolders(path.getParent());
            Files.createDirectory(path);
            created.add(path);
        }

        // Newest first, so each folder is empty by the time it is removed.
        private void removeCreated(Exception cause) {
            for (int i = created.size() - 1; i >= 0; i--) {
                try {
                    Files.deleteIfExists(created.get(i));
                } catch (IOException e) {
                    cause.addSuppressed(e);
                }
            }
        }
    }
}
