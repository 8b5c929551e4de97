package dev.descent.app.inject;

import dev.descent.api.ComponentProvider;
import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds the providers of one kind with {@link ServiceLoader} and checks their names are unique. */
public final class ProviderDiscovery {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderDiscovery.class);

    private ProviderDiscovery() {}

    /**
     * The providers of {@code type} that {@code loader} can see, by name.
     *
     * @throws IllegalStateException when a provider cannot be instantiated or two share a name; for the
     *     built-ins either is a packaging mistake, so it stops start-up with the classes and jars involved
     */
    public static <P extends ComponentProvider<?>> Map<String, P> load(Class<P> type, ClassLoader loader) {
        Map<String, P> byName = new LinkedHashMap<>();
        List<String> found = new ArrayList<>();
        try {
            for (P provider : ServiceLoader.load(type, loader)) {
                P previous = byName.putIfAbsent(provider.name(), provider);
                if (previous != null) {
                    throw new IllegalStateException("two " + type.getSimpleName() + "s are named '" + provider.name()
                            + "': " + where(previous) + " and " + where(provider));
                }
                found.add(provider.name());
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("cannot load a " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
        if (found.isEmpty()) {
            LOG.info("no {} found on the class path", type.getSimpleName());
        } else {
            LOG.debug("found {} {}s: {}", found.size(), type.getSimpleName(), found);
        }
        return byName;
    }

    /** The provider's class and the jar or folder it came from. */
    static String where(Object provider) {
        CodeSource source = provider.getClass().getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        return provider.getClass().getName() + (location == null ? "" : " (" + location + ")");
    }
}
