package dev.descent.app.plugin;

import static java.util.Objects.requireNonNull;

import dev.descent.api.ApiVersion;
import dev.descent.api.ComponentProvider;
import dev.descent.api.Params;
import dev.descent.app.inject.BuiltInProviders;
import dev.descent.app.registry.Kind;
import dev.descent.app.registry.LocalRegistries;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the plugins of a folder, each in its own {@link PluginClassLoader}. A plugin is a {@code .jar},
 * or a sub-folder holding one plugin jar and the jars it bundles. Whatever goes wrong with one plugin
 * (a corrupt jar, an incompatible API version, a provider that cannot be instantiated or fails on its
 * defaults, a duplicate id, a hash the lock file does not allow) refuses that plugin with a one-line
 * reason, and every other plugin still loads.
 */
public final class PluginLoader {
    /** Manifest attribute naming the plugin; without it the jar's name stands in. */
    public static final String ID_ATTRIBUTE = PluginJars.ID_ATTRIBUTE;
    /** Manifest attribute with the plugin's own version. */
    public static final String VERSION_ATTRIBUTE = "Descent-Plugin-Version";

    private static final Logger LOG = LoggerFactory.getLogger(PluginLoader.class);
    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final String SERVICES = "META-INF/services/";

    private final ClassLoader host;
    private final BuiltInProviders builtIns;
    private final PluginLock lock;

    /**
     * @param host the loader that holds {@code dev.descent.api}, shared with every plugin
     * @param builtIns for the notes on shared names and for nested specs when trying a provider
     * @param lock the hashes the jars must have, or null to accept any
     */
    public PluginLoader(ClassLoader host, BuiltInProviders builtIns, PluginLock lock) {
        this.host = requireNonNull(host, "host is null");
        this.builtIns = requireNonNull(builtIns, "builtIns is null");
        this.lock = lock;
    }

    /**
     * Loads every plugin in {@code folder}, in the order of their names.
     *
     * @throws IllegalArgumentException if {@code folder} is not a readable folder
     */
    public LoadedPlugins load(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("plugin folder '" + folder + "' does not exist or is not a folder");
        }
        List<Path> candidates;
        try (Stream<Path> entries = Files.list(folder)) {
            candidates = entries.sorted().toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read plugin folder '" + folder + "': " + e.getMessage(), e);
        }
        List<Plugin> plugins = new ArrayList<>();
        Map<Kind, Map<String, ComponentProvider<?>>> providers = emptyProviderMaps();
        Map<String, Path> ids = new HashMap<>();
        for (Path candidate : candidates) {
            if (isCandidate(candidate)) {
                plugins.add(loadOne(folder, candidate, ids, providers));
            }
        }
        if (plugins.isEmpty()) {
            LOG.info("no plugins in {}", folder.toAbsolutePath());
        }
        return new LoadedPlugins(folder, plugins, providers);
    }

    /** Loads a single jar or plugin folder on its own, as {@code descent plugins verify} does. */
    public LoadedPlugins loadSingle(Path location) {
        Path parent = location.toAbsolutePath().getParent();
        Map<Kind, Map<String, ComponentProvider<?>>> providers = emptyProviderMaps();
        Plugin plugin = loadOne(parent, location.toAbsolutePath(), new HashMap<>(), providers);
        return new LoadedPlugins(parent, List.of(plugin), providers);
    }

    private static Map<Kind, Map<String, ComponentProvider<?>>> emptyProviderMaps() {
        Map<Kind, Map<String, ComponentProvider<?>>> providers = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            providers.put(kind, new LinkedHashMap<>());
        }
        return providers;
    }

    /** Jars and folders; hidden entries, other files and source projects (a folder with a pom.xml) are passed over. */
    static boolean isCandidate(Path entry) {
        String name = entry.getFileName().toString();
        if (name.startsWith(".")) {
            return false;
        }
        if (Files.isDirectory(entry)) {
            if (Files.exists(entry.resolve("pom.xml"))) {
                LOG.debug("passing over {}: a source project (pom.xml), not a built plugin", entry);
                return false;
            }
            return true;
        }
        if (!name.endsWith(".jar")) {
            LOG.debug("passing over {}: not a jar", entry);
            return false;
        }
        return true;
    }

    /** Everything known of one plugin so far; turned into a {@link Plugin} when it loads or is refused. */
    private static final class Attempt {
        final Path location;
        final List<Path> jars = new ArrayList<>();
        Path jar;
        String id;
        String version;
        String apiVersion;
        String sha256;
        final List<Plugin.Provided> provided = new ArrayList<>();
        final List<String> notes = new ArrayList<>();

        Attempt(Path location) {
            this.location = location;
            this.id = stripJar(location.getFileName().toString());
        }

        Plugin refused(String reason) {
            return new Plugin(id, version, apiVersion, location, jar, sha256, Plugin.State.REFUSED,
                    reason.replaceAll("\\s*\\R\\s*", " "), List.of(), notes);
        }

        Plugin loaded() {
            return new Plugin(id, version, apiVersion, location, jar, sha256, Plugin.State.LOADED, null, provided,
                    notes);
        }
    }

    /** Thrown inside {@link #loadOne} to refuse the plugin with a one-line reason. */
    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;

        Refusal(String reason) {
            super(reason, null, false, false);
        }
    }

    private Plugin loadOne(Path folder, Path location, Map<String, Path> ids,
            Map<Kind, Map<String, ComponentProvider<?>>> allProviders) {
        Attempt attempt = new Attempt(location);
        PluginClassLoader loader = null;
        try {
            findJars(attempt);
            readManifest(attempt);
            checkLock(folder, attempt);
            Path owner = ids.putIfAbsent(attempt.id, location);
            if (owner != null) {
                throw new Refusal("plugin id '" + attempt.id + "' is already taken by " + owner
                        + "; give one of them another " + ID_ATTRIBUTE);
            }
            checkApiVersion(attempt);
            loader = new PluginClassLoader(attempt.id, urls(attempt.jars), host);
            Map<Kind, Map<String, ComponentProvider<?>>> own = discover(attempt, loader);
            tryDefaults(attempt, own);
            noteSharedNames(attempt, own);
            own.forEach((kind, byKey) -> allProviders.get(kind).putAll(byKey));
            LOG.info("loaded plugin {} {} from {}: {}", attempt.id, attempt.version == null ? "" : attempt.version,
                    location, attempt.provided.stream().map(Plugin.Provided::qualifiedName).toList());
            return attempt.loaded();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Refusal e) {
            return refuse(attempt, loader, e.getMessage());
        } catch (LinkageError e) {
            return refuse(attempt, loader, "cannot link its classes: " + describe(e));
        } catch (Throwable e) {
            return refuse(attempt, loader, "failed while loading: " + describe(e));
        }
    }

    private static Plugin refuse(Attempt attempt, PluginClassLoader loader, String reason) {
        if (loader != null) {
            try {
                loader.close();
            } catch (IOException e) {
                LOG.debug("closing the class loader of refused plugin {}", attempt.id, e);
            }
        }
        Plugin plugin = attempt.refused(reason);
        LOG.warn("plugin {} ({}) refused: {}", plugin.id(), plugin.location(), plugin.reason());
        return plugin;
    }

    private static void findJars(Attempt attempt) throws Refusal, IOException {
        if (!Files.isDirectory(attempt.location)) {
            attempt.jars.add(attempt.location);
            attempt.jar = attempt.location;
            return;
        }
        try (Stream<Path> entries = Files.list(attempt.location)) {
            entries.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().forEach(attempt.jars::add);
        }
        if (attempt.jars.isEmpty()) {
            throw new Refusal("the folder holds no jar; a plugin folder holds the plugin jar and the jars it bundles");
        }
        List<PluginJars.Candidate> candidates = new ArrayList<>();
        for (Path jar : attempt.jars) {
            try (JarFile file = new JarFile(jar.toFile())) {
                Manifest manifest = file.getManifest();
                boolean named = manifest != null && manifest.getMainAttributes().getValue(ID_ATTRIBUTE) != null;
                candidates.add(new PluginJars.Candidate(jar, named, !spiEntries(file).isEmpty()));
            } catch (IOException e) {
                throw new Refusal("'" + jar.getFileName() + "' is not a readable jar: " + e.getMessage());
            }
        }
        try {
            attempt.jar = PluginJars.choose(attempt.location, candidates);
        } catch (IllegalArgumentException e) {
            throw new Refusal(e.getMessage());
        }
    }

    private static List<String> spiEntries(JarFile file) {
        List<String> entries = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            if (file.getEntry(SERVICES + kind.providerType().getName()) != null) {
                entries.add(kind.providerType().getName());
            }
        }
        return entries;
    }

    private static void readManifest(Attempt attempt) throws Refusal {
        try (JarFile file = new JarFile(attempt.jar.toFile())) {
            Manifest manifest = file.getManifest();
            Attributes attributes = manifest == null ? new Attributes() : manifest.getMainAttributes();
            String id = attributes.getValue(ID_ATTRIBUTE);
            if (id != null) {
                attempt.id = id.strip();
            }
            attempt.version = attributes.getValue(VERSION_ATTRIBUTE);
            attempt.apiVersion = attributes.getValue(ApiVersion.MANIFEST_ATTRIBUTE);
            if (spiEntries(file).isEmpty()) {
                throw new Refusal("it provides nothing: no META-INF/services/dev.descent.api.*Provider file");
            }
        } catch (IOException e) {
            throw new Refusal("'" + attempt.jar.getFileName() + "' is not a readable jar: " + e.getMessage());
        }
        attempt.sha256 = PluginJars.sha256(attempt.jar);
        if (!ID.matcher(attempt.id).matches()) {
            throw new Refusal("plugin id '" + attempt.id + "' is not valid: use letters, digits, '_', '-' and '.', "
                    + "starting with a letter (the spec grammar names a plugin's component 'id:name')");
        }
    }

    private void checkLock(Path folder, Attempt attempt) throws Refusal {
        if (lock == null) {
            return;
        }
        for (Path jar : attempt.jars) {
            String relative = folder.toAbsolutePath().relativize(jar.toAbsolutePath()).toString().replace('\\', '/');
            String reason = lock.refusal(relative, jar.equals(attempt.jar) ? attempt.sha256 : PluginJars.sha256(jar));
            if (reason != null) {
                throw new Refusal(reason);
            }
        }
    }

    private static void checkApiVersion(Attempt attempt) throws Refusal {
        if (attempt.apiVersion == null) {
            attempt.notes.add("states no " + ApiVersion.MANIFEST_ATTRIBUTE + "; assumed compatible");
            return;
        }
        ApiVersion built;
        try {
            built = ApiVersion.parse(attempt.apiVersion);
        } catch (IllegalArgumentException e) {
            throw new Refusal(ApiVersion.MANIFEST_ATTRIBUTE + ": " + e.getMessage());
        }
        if (!ApiVersion.CURRENT.accepts(built)) {
            throw new Refusal("built against Descent API " + built + ", but this is API " + ApiVersion.CURRENT
                    + (built.major() != ApiVersion.CURRENT.major() ? ": the major versions differ"
                            : ": the plugin needs a newer Descent"));
        }
    }

    /**
     * Instantiates the plugin's providers with its loader as thread context loader, as every later call runs:
     * a provider's constructor or static initialiser may look up resources or services through it.
     */
    private static Map<Kind, Map<String, ComponentProvider<?>>> discover(Attempt attempt, PluginClassLoader loader)
            throws Refusal {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return discoverInContext(attempt, loader);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static Map<Kind, Map<String, ComponentProvider<?>>> discoverInContext(Attempt attempt,
            PluginClassLoader loader) throws Refusal {
        Map<Kind, Map<String, ComponentProvider<?>>> own = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            Map<String, ComponentProvider<?>> byKey = new LinkedHashMap<>();
            Iterator<? extends ComponentProvider<?>> providers = ServiceLoader.load(kind.providerType(), loader).iterator();
            while (true) {
                ComponentProvider<?> provider;
                try {
                    if (!providers.hasNext()) {
                        break;
                    }
                    provider = providers.next();
                } catch (ServiceConfigurationError e) {
                    throw new Refusal(describeServiceError(kind, e));
                }
                String name = provider.name();
                if (name == null || !NAME.matcher(name).matches()) {
                    throw new Refusal(kind.word() + " provider " + provider.getClass().getName() + " is named '" + name
                            + "'; a name is snake_case: a lower-case letter, then lower-case letters, digits or _");
                }
                String key = attempt.id + ":" + name;
                if (byKey.putIfAbsent(key, PluginCalls.wrap(provider, kind, loader)) != null) {
                    throw new Refusal("it has two " + kind.word() + " providers named '" + name + "'");
                }
                attempt.provided.add(new Plugin.Provided(kind.word(), key, provider.getClass().getName()));
            }
            own.put(kind, byKey);
        }
        if (attempt.provided.isEmpty()) {
            throw new Refusal("its META-INF/services files name no provider");
        }
        return own;
    }

    /** Creates each provider's component on its defaults, so a plugin that cannot is refused now, not mid-run. */
    private void tryDefaults(Attempt attempt, Map<Kind, Map<String, ComponentProvider<?>>> own) throws Refusal {
        LocalRegistries registries = LocalRegistries.of(builtIns.byKind(), own);
        for (Kind kind : Kind.values()) {
            for (Map.Entry<String, ComponentProvider<?>> entry : own.get(kind).entrySet()) {
                try {
                    ComponentProvider<?> provider = entry.getValue();
                    Object created = provider.create(Params.resolve(kind.word() + " '" + entry.getKey() + "'",
                            provider.params(), Map.of(), registries));
                    if (created == null) {
                        throw new Refusal(kind.word() + " '" + entry.getKey() + "' creates null on its defaults");
                    }
                } catch (Refusal | VirtualMachineError e) {
                    throw e;
                } catch (Throwable e) {
                    throw new Refusal(kind.word() + " '" + entry.getKey() + "' fails on its default parameters: "
                            + describe(e));
                }
            }
        }
    }

    private void noteSharedNames(Attempt attempt, Map<Kind, Map<String, ComponentProvider<?>>> own) {
        for (Kind kind : Kind.values()) {
            for (Map.Entry<String, ComponentProvider<?>> entry : own.get(kind).entrySet()) {
                String name = entry.getValue().name();
                boolean builtIn = builtIns.of(kind).values().stream()
                        .anyMatch(p -> p.name().equals(name) || p.aliases().contains(name));
                if (builtIn) {
                    attempt.notes.add(kind.word() + " '" + name + "' is also a built-in, which keeps the bare name; "
                            + "use '" + entry.getKey() + "'");
                }
            }
        }
    }

    private static String describeServiceError(Kind kind, ServiceConfigurationError e) {
        Throwable cause = e.getCause();
        String file = SERVICES + kind.providerType().getName();
        if (cause == null) {
            // e.g. "Provider org.acme.Missing not found": the message names the class
            String message = e.getMessage().replace(kind.providerType().getName() + ": ", "");
            return message + " (named in " + file + ")";
        }
        if (cause instanceof ClassNotFoundException) {
            return "class " + cause.getMessage() + " named in " + file + " is not in the plugin";
        }
        String provider = e.getMessage().replace(kind.providerType().getName() + ": ", "");
        return provider + ": " + describe(cause);
    }

    /** One line for a failure: the root cause's type and message, with advice for a missing class. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        NoClassDefFoundError missing = null;
        while (true) {
            if (root instanceof NoClassDefFoundError error && missing == null) {
                missing = error;
            }
            if (root.getCause() == null || root.getCause() == root) {
                break;
            }
            root = root.getCause();
        }
        String what;
        if (missing != null || root instanceof ClassNotFoundException) {
            String className = root instanceof ClassNotFoundException ? root.getMessage()
                    : String.valueOf(missing.getMessage()).replace('/', '.');
            what = (missing != null ? "NoClassDefFoundError" : "ClassNotFoundException") + ": class " + className
                    + " is neither in the plugin nor in the API; bundle its library in the plugin's folder";
        } else {
            what = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
            if (root != failure && failure instanceof ExceptionInInitializerError) {
                what = "its static initialiser threw " + what;
            }
        }
        return what.replaceAll("\\s*\\R\\s*", " ");
    }

    private static List<URL> urls(List<Path> jars) throws Refusal {
        List<URL> urls = new ArrayList<>();
        for (Path jar : jars) {
            try {
                urls.add(jar.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new Refusal("'" + jar + "' cannot be used as a class path entry: " + e.getMessage());
            }
        }
        return urls;
    }

    private static String stripJar(String fileName) {
        return fileName.endsWith(".jar") ? fileName.substring(0, fileName.length() - 4) : fileName;
    }
}
