package dev.descent.app.plugin;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The class loader of one plugin. Its parent is the platform loader, so the JDK comes from there; the
 * API ({@code dev.descent.api.}) comes from the host, so plugin and host share one {@code Loss} type;
 * everything else is looked up in the plugin's own jars first. Two plugins may therefore bundle
 * different versions of one library, and neither sees the host's (Guice, Guava, Jackson).
 * Resources follow the same rule.
 */
public final class PluginClassLoader extends URLClassLoader {
    static {
        registerAsParallelCapable();
    }

    /** Packages whose classes and resources come from the host. */
    private static final List<String> SHARED_PACKAGES = List.of("dev.descent.api.");

    private final String pluginId;
    private final ClassLoader host;

    /**
     * @param pluginId names the loader in messages and stack traces
     * @param urls the plugin jar and the jars it bundles
     * @param host the loader that holds {@code dev.descent.api}
     */
    public PluginClassLoader(String pluginId, List<URL> urls, ClassLoader host) {
        super("plugin-" + pluginId, urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        this.pluginId = requireNonNull(pluginId, "pluginId is null");
        this.host = requireNonNull(host, "host is null");
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (isShared(name)) {
            return host.loadClass(name);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null && !name.startsWith("java.")) {
                try {
                    loaded = findClass(name);
                } catch (ClassNotFoundException notInPlugin) {
                    // not bundled: the platform may have it
                }
            }
            if (loaded == null) {
                loaded = getParent().loadClass(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    public URL getResource(String name) {
        if (isSharedResource(name)) {
            return host.getResource(name);
        }
        URL own = findResource(name);
        return own != null ? own : getParent().getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (isSharedResource(name)) {
            return host.getResources(name);
        }
        List<URL> all = new ArrayList<>(Collections.list(findResources(name)));
        all.addAll(Collections.list(getParent().getResources(name)));
        return Collections.enumeration(all);
    }

    private static boolean isShared(String className) {
        return SHARED_PACKAGES.stream().anyMatch(className::startsWith);
    }

    private static boolean isSharedResource(String resource) {
        String asClassName = resource.replace('/', '.');
        return isShared(asClassName);
    }

    public String pluginId() {
        return pluginId;
    }

    @Override
    public String toString() {
        return "PluginClassLoader[" + pluginId + "]";
    }
}
