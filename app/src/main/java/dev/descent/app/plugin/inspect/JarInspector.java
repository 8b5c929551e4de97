package dev.descent.app.plugin.inspect;

import dev.descent.app.plugin.PluginJars;

import static java.util.Objects.requireNonNull;

import dev.descent.api.ApiVersion;
import dev.descent.api.Suggestions;
import dev.descent.app.plugin.inspect.JarReport.Problem;
import dev.descent.app.plugin.inspect.JarReport.ProviderClass;
import dev.descent.app.plugin.inspect.JarReport.Spi;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassGraphException;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.ScanResult;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Reads what a plugin jar provides without running any of its code: {@code descent plugins inspect JAR}.
 *
 * <p>The classes are read as class files by ClassGraph (never loaded, so no static initialiser runs);
 * the manifest and the {@code META-INF/services} files are read with {@link JarFile}. A provider
 * interface is any {@code dev.descent.api.*Provider} (except the shared base {@code ComponentProvider})
 * that a class in the jar implements, directly or through a superclass or superinterface in the jar,
 * or that the jar has a services file for: the API's classes are not in the jar, their names are enough.
 *
 * <p>A plugin folder (a plugin jar with the jars it depends on) is read as one class path, and reported
 * for its plugin jar: the one whose manifest has {@code Descent-Plugin-Id}, else the one with a
 * {@code META-INF/services/dev.descent.api.*} file, else the only jar.
 */
public final class JarInspector {
    static final String SERVICES = "META-INF/services/";
    static final String PLUGIN_ID = "Descent-Plugin-Id";
    static final String PLUGIN_VERSION = "Descent-Plugin-Version";

    private static final String API_PACKAGE = "dev.descent.api.";
    private static final String PROVIDER_SUFFIX = "Provider";
    // What every kind's SPI extends; ServiceLoader never looks providers up through it.
    private static final String BASE_PROVIDER = API_PACKAGE + "ComponentProvider";
    private static final int CLASS_FILE_MAGIC = 0xCAFEBABE;

    private JarInspector() {}

    /**
     * What {@code path} provides and what keeps its providers from loading.
     *
     * @param path a plugin jar, or a plugin folder holding a plugin jar and the jars it depends on
     * @throws IllegalArgumentException when {@code path} does not exist, is not a readable jar ({@code not a
     *     readable jar: …}), or is a folder without exactly one plugin jar; the message is one line
     */
    public static JarReport inspect(Path path) {
        requireNonNull(path, "path is null");
        if (Files.isDirectory(path)) {
            return inspectFolder(path);
        }
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("no such jar: '" + path
                    + "'; give a plugin jar or a folder holding a plugin jar and its dependencies");
        }
        return report(path, read(path), List.of());
    }

    private static JarReport inspectFolder(Path folder) {
        List<Path> jars;
        try (Stream<Path> files = Files.list(folder)) {
            jars = files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list plugin folder '" + folder + "': " + describe(e), e);
        }
        if (jars.isEmpty()) {
            throw new IllegalArgumentException("plugin folder '" + folder
                    + "' holds no .jar file; it should hold the plugin jar and the jars it depends on");
        }
        Map<Path, JarContents> contents = new LinkedHashMap<>();
        for (Path jar : jars) {
            contents.put(jar, read(jar));
        }
        Path plugin = pluginJar(folder, contents);
        List<Path> libraries = jars.stream().filter(jar -> !jar.equals(plugin)).toList();
        return report(folder, contents.get(plugin), libraries);
    }

    private static Path pluginJar(Path folder, Map<Path, JarContents> contents) {
        return PluginJars.choose(folder, contents.values().stream()
                .map(c -> new PluginJars.Candidate(c.file(), c.pluginId() != null, !c.services().isEmpty()))
                .toList());
    }

    /** The manifest attributes and services entries of one jar, read after checking every entry can be read. */
    private record JarContents(Path file, String pluginId, String pluginVersion, String apiVersion,
            Map<String, List<Entry>> services) {}

    /** One line of a services file naming a class. */
    private record Entry(String className, int line, boolean validName) {}

    private static JarContents read(Path jar) {
        // verify=false: signatures are not what is inspected here, and checking them reads every entry twice.
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            Manifest manifest = file.getManifest();
            Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
            Map<String, List<Entry>> services = new TreeMap<>();
            for (JarEntry entry : Collections.list(file.entries())) {
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.getName();
                if (name.startsWith(SERVICES) && isSpi(name.substring(SERVICES.length()))) {
                    services.put(name.substring(SERVICES.length()), parseServices(name, readAll(file, entry)));
                } else if (name.endsWith(".class")) {
                    byte[] bytes = readAll(file, entry);
                    if (bytes.length < 4 || ByteBuffer.wrap(bytes).getInt() != CLASS_FILE_MAGIC) {
                        throw new IOException("entry '" + name + "' is not a class file");
                    }
                }
            }
            return new JarContents(jar, main.getValue(PLUGIN_ID), main.getValue(PLUGIN_VERSION),
                    main.getValue(ApiVersion.MANIFEST_ATTRIBUTE), services);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a readable jar: '" + jar + "': " + describe(e), e);
        }
    }

    private static byte[] readAll(JarFile file, JarEntry entry) throws IOException {
        try (InputStream in = file.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    /** The class names of a services file, by ServiceLoader's rules: UTF-8, {@code #} comments, blanks ignored. */
    private static List<Entry> parseServices(String name, byte[] bytes) throws IOException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("entry '" + name + "' is not UTF-8 text", e);
        }
        List<Entry> entries = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int comment = line.indexOf('#');
            String className = (comment >= 0 ? line.substring(0, comment) : line).strip();
            if (!className.isEmpty()) {
                entries.add(new Entry(className, i + 1, isClassName(className)));
            }
        }
        return entries;
    }

    private static boolean isClassName(String text) {
        if (!Character.isJavaIdentifierStart(text.codePointAt(0))) {
            return false;
        }
        return text.codePoints().allMatch(c -> c == '.' || Character.isJavaIdentifierPart(c))
                && !text.endsWith(".") && !text.contains("..");
    }

    /** {@code dev.descent.api.LossProvider} and its like: a provider interface of the API, by name. */
    private static boolean isSpi(String interfaceName) {
        if (!interfaceName.startsWith(API_PACKAGE) || interfaceName.equals(BASE_PROVIDER)) {
            return false;
        }
        String simple = interfaceName.substring(API_PACKAGE.length());
        return simple.indexOf('.') < 0 && simple.endsWith(PROVIDER_SUFFIX)
                && simple.length() > PROVIDER_SUFFIX.length();
    }

    /** {@code loss} for {@code LossProvider}, {@code transform} for {@code TransformProvider}. */
    static String kindOf(String interfaceName) {
        String simple = interfaceName.substring(API_PACKAGE.length(), interfaceName.length() - PROVIDER_SUFFIX.length());
        return simple.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static JarReport report(Path location, JarContents plugin, List<Path> libraries) {
        String sha256 = sha256(plugin.file());
        List<Path> classPath = new ArrayList<>();
        classPath.add(plugin.file());
        classPath.addAll(libraries);
        ClassGraph classGraph = new ClassGraph()
                .overrideClasspath(classPath.stream().map(Path::toString).toList())
                .disableModuleScanning()
                .disableNestedJarScanning()
                .enableClassInfo()
                .enableMethodInfo()
                .ignoreClassVisibility()
                .ignoreMethodVisibility();
        try (ScanResult scan = classGraph.scan()) {
            return new Inspection(location, plugin, libraries, scan).report(sha256);
        } catch (ClassGraphException e) {
            throw new IllegalArgumentException("not a readable jar: '" + plugin.file() + "': " + describe(e), e);
        }
    }

    /** One scan's worth of work: the providers of each interface and their problems. */
    private static final class Inspection {
        private final Path location;
        private final JarContents plugin;
        private final List<Path> libraries;
        private final boolean folder;
        private final ScanResult scan;
        /** Interface name to the classes of the plugin jar implementing it, by class name. */
        private final Map<String, Map<String, ClassInfo>> implementations = new TreeMap<>();
        private final List<Problem> problems = new ArrayList<>();

        Inspection(Path location, JarContents plugin, List<Path> libraries, ScanResult scan) {
            this.location = location;
            this.plugin = plugin;
            this.libraries = libraries;
            this.folder = !location.equals(plugin.file());
            this.scan = scan;
            for (ClassInfo type : scan.getAllClasses()) {
                if (type.isInterface() || type.isAnnotation() || !inPluginJar(type)) {
                    continue;
                }
                for (String spi : spisOf(type)) {
                    implementations.computeIfAbsent(spi, k -> new TreeMap<>()).put(type.getName(), type);
                }
            }
        }

        JarReport report(String sha256) {
            Set<String> spiNames = new TreeSet<>(implementations.keySet());
            spiNames.addAll(plugin.services().keySet());
            List<Spi> spis = new ArrayList<>();
            for (String spi : spiNames) {
                spis.add(inspectSpi(spi));
            }
            boolean anyLoads = spis.stream().flatMap(spi -> spi.providers().stream())
                    .anyMatch(p -> p.registered() && p.instantiable());
            if (!anyLoads) {
                problems.add(noProviders(spis));
            }
            return new JarReport(location, plugin.file(), sha256, plugin.pluginId(), plugin.pluginVersion(),
                    plugin.apiVersion(), libraries, spis, problems);
        }

        private Spi inspectSpi(String spi) {
            String servicesFile = SERVICES + spi;
            Map<String, ClassInfo> implementing = implementations.getOrDefault(spi, Map.of());
            // Class name to the class, for every class the services file names that implements the interface
            // (it may sit in a library of a plugin folder) and every implementation in the plugin jar.
            Map<String, ClassInfo> providers = new TreeMap<>(implementing);
            Set<String> registered = new LinkedHashSet<>();
            for (Entry entry : plugin.services().getOrDefault(spi, List.of())) {
                if (!registered.add(entry.className())) {
                    continue; // ServiceLoader ignores a repeated name
                }
                String where = servicesFile + " line " + entry.line() + " names '" + entry.className() + "'";
                if (!entry.validName()) {
                    problems.add(new Problem(Problem.Code.MISSING_CLASS, spi, entry.className(), where
                            + ", which is not a class name; write one fully qualified class name per line"
                            + " (nested classes as 'Outer$Nested')"));
                    continue;
                }
                ClassInfo type = scan.getClassInfo(entry.className());
                if (type == null || type.isExternalClass()) {
                    problems.add(new Problem(Problem.Code.MISSING_CLASS, spi, entry.className(), where
                            + ", which is not in " + (folder ? "the plugin jar or its libraries" : "the jar")
                            + missingClassAdvice(entry.className(), implementing.keySet())));
                } else if (!spisOf(type).contains(spi)) {
                    problems.add(new Problem(Problem.Code.NOT_A_PROVIDER, spi, entry.className(), where
                            + ", which does not implement " + spi + notAProviderAdvice(type, spi)));
                } else {
                    providers.put(type.getName(), type);
                    String reasons = notInstantiableReasons(type);
                    if (!reasons.isEmpty()) {
                        problems.add(notInstantiable(type, spi, reasons, "named in " + servicesFile));
                    }
                }
            }
            for (ClassInfo type : implementing.values()) {
                if (registered.contains(type.getName()) || type.isAbstract()) {
                    continue; // an abstract class is a base for providers, not one itself
                }
                problems.add(new Problem(Problem.Code.NOT_REGISTERED, spi, type.getName(), "'" + type.getName()
                        + "' implements " + spi + " but " + servicesFile + " does not name it, so it is never loaded:"
                        + " add the line '" + type.getName() + "' to " + servicesFile));
                String reasons = notInstantiableReasons(type);
                if (!reasons.isEmpty()) {
                    problems.add(notInstantiable(type, spi, reasons, "implementing " + simpleName(spi)));
                }
            }
            List<ProviderClass> classes = providers.values().stream()
                    .map(type -> new ProviderClass(type.getName(), isConcrete(type), type.isPublic(),
                            hasPublicNoArgConstructor(type), registered.contains(type.getName())))
                    .toList();
            return new Spi(spi, kindOf(spi), classes);
        }

        private Problem noProviders(List<Spi> spis) {
            String jar = "'" + plugin.file() + "'";
            if (spis.isEmpty()) {
                return new Problem(Problem.Code.NO_PROVIDERS, null, null, jar + " provides nothing: no class in it"
                        + " implements a provider interface of " + API_PACKAGE + "* (LossProvider, OptimizerProvider, ...)"
                        + " and it has no " + SERVICES + API_PACKAGE + "* file");
            }
            return new Problem(Problem.Code.NO_PROVIDERS, null, null, jar + " provides nothing that ServiceLoader"
                    + " would load: no provider class in it is both named in its services file and instantiable");
        }

        private boolean inPluginJar(ClassInfo type) {
            File element = type.getClasspathElementFile();
            return element != null && sameFile(element.toPath(), plugin.file());
        }
    }

    private static Problem notInstantiable(ClassInfo type, String spi, String reasons, String context) {
        return new Problem(Problem.Code.NOT_INSTANTIABLE, spi, type.getName(), "'" + type.getName() + "', "
                + context + ", cannot be created by ServiceLoader: " + reasons
                + "; a provider must be a public, concrete class with a public no-argument constructor");
    }

    /** The provider interfaces {@code type} implements, through its superclasses and superinterfaces in the scan. */
    private static Set<String> spisOf(ClassInfo type) {
        Set<String> spis = new TreeSet<>();
        for (String name : type.getInterfaces().getNames()) {
            if (isSpi(name)) {
                spis.add(name);
            }
        }
        if (type.isInterface() && isSpi(type.getName())) {
            spis.add(type.getName());
        }
        return spis;
    }

    private static boolean isConcrete(ClassInfo type) {
        return !type.isInterface() && !type.isAnnotation() && !type.isAbstract();
    }

    /** What ServiceLoader's {@code getConstructor()} needs: a public constructor without parameters. */
    private static boolean hasPublicNoArgConstructor(ClassInfo type) {
        // The descriptor, unlike the generic signature, shows the enclosing instance an inner class's constructor takes.
        return type.getDeclaredConstructorInfo().stream()
                .anyMatch(constructor -> constructor.isPublic() && constructor.getTypeDescriptorStr().equals("()V"));
    }

    /** Why ServiceLoader cannot create {@code type}, e.g. {@code it is abstract}; empty when it can. */
    private static String notInstantiableReasons(ClassInfo type) {
        List<String> reasons = new ArrayList<>();
        if (type.isInterface()) {
            reasons.add("it is an interface");
        } else if (type.isAbstract()) {
            reasons.add("it is abstract");
        }
        if (!type.isPublic()) {
            reasons.add("it is not public");
        }
        if (!type.isInterface() && !hasPublicNoArgConstructor(type)) {
            reasons.add(type.isInnerClass() && !type.isStatic()
                    ? "it is an inner class without 'static', so its constructors take the enclosing instance"
                    : "it has no public no-argument constructor");
        }
        return String.join(", ", reasons);
    }

    private static String missingClassAdvice(String className, Set<String> implementing) {
        String didYouMean = Suggestions.didYouMean(className, implementing);
        return didYouMean.isEmpty() ? ": correct the name or remove the line" : didYouMean;
    }

    private static String notAProviderAdvice(ClassInfo type, String spi) {
        Set<String> others = spisOf(type);
        if (!others.isEmpty()) {
            String other = others.iterator().next();
            return "; it implements " + String.join(", ", others) + ": move the line to " + SERVICES + other;
        }
        for (ClassInfo superclass = type.getSuperclass(); superclass != null; superclass = superclass.getSuperclass()) {
            if (superclass.isExternalClass()) {
                if (!superclass.getName().startsWith("java.")) {
                    return ", as far as the jar shows: its superclass '" + superclass.getName()
                            + "' is not in it; bundle that class, or remove the line";
                }
                break;
            }
        }
        return "; remove the line, or make the class implement " + simpleName(spi);
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    private static String sha256(Path file) {
        try {
            return PluginJars.sha256(file);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a readable jar: '" + file + "': " + describe((Exception) e.getCause()), e);
        }
    }

    private static String fileNames(List<Path> files) {
        return String.join(", ", files.stream().map(file -> file.getFileName().toString()).toList());
    }

    /** An exception's message on one line, or its type when it has none. */
    private static String describe(Exception e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
