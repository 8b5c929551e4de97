package dev.descent.app.plugin;

import static java.util.Objects.requireNonNull;

/**
 * The base of the wrappers that put a plugin's component in front of the host: each method of a wrapper
 * calls the plugin's object directly (no reflection, no allocation) between {@link #enter} and
 * {@link #exit}, which make the plugin's class loader the thread's context class loader for the call.
 * A subclass implements every method of its interfaces, default methods too, so a plugin's override of a
 * default is reached ({@code PluginComponentsTest} checks that no method is left to a default).
 *
 * <p>{@code equals} and {@code hashCode} are the wrapper's identity; {@code toString} is the plugin's.
 */
abstract class PluginComponent {
    private final Object target;
    private final ClassLoader pluginLoader;

    PluginComponent(Object target, ClassLoader pluginLoader) {
        this.target = requireNonNull(target, "target is null");
        this.pluginLoader = requireNonNull(pluginLoader, "pluginLoader is null");
    }

    /** The plugin's own object. */
    final Object target() {
        return target;
    }

    /** Makes the plugin's loader the context class loader; returns the one to give {@link #exit}. */
    final ClassLoader enter() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(pluginLoader);
        return previous;
    }

    /** Restores the context class loader {@link #enter} returned, even if the plugin changed it meanwhile. */
    final void exit(ClassLoader previous) {
        Thread.currentThread().setContextClassLoader(previous);
    }

    @Override
    public final String toString() {
        ClassLoader previous = enter();
        try {
            return target.toString();
        } finally {
            exit(previous);
        }
    }
}
