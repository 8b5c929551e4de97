package dev.descent.app.plugin;

import dev.descent.api.ComponentProvider;
import dev.descent.app.registry.Kind;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Wraps a plugin's provider so that each call into it (create, params, describe) runs with the plugin's
 * class loader as the thread's context class loader: libraries inside a plugin that look classes up
 * through it (ServiceLoader, Jackson, JAXB) find the plugin's own. What {@code create} returns is wrapped
 * by {@link PluginComponents}, which calls the component directly on the hot path. Provider calls are
 * rare, so a reflective proxy serves them; it also serves a component whose mix of API interfaces no
 * direct wrapper has.
 */
final class PluginCalls implements InvocationHandler {
    private final Object target;
    private final ClassLoader pluginLoader;
    private final boolean provider;

    private PluginCalls(Object target, ClassLoader pluginLoader, boolean provider) {
        this.target = target;
        this.pluginLoader = pluginLoader;
        this.provider = provider;
    }

    /** The provider, wrapped; what its {@code create} returns is wrapped too. */
    static ComponentProvider<?> wrap(ComponentProvider<?> provider, Kind kind, ClassLoader pluginLoader) {
        return (ComponentProvider<?>) Proxy.newProxyInstance(kind.providerType().getClassLoader(),
                new Class<?>[] {kind.providerType()}, new PluginCalls(provider, pluginLoader, true));
    }

    /** The handler of a reflective proxy for a component ({@link PluginComponents#wrap}'s fallback). */
    static InvocationHandler component(Object component, ClassLoader pluginLoader) {
        return new PluginCalls(component, pluginLoader, false);
    }

    /** The plugin's own object behind a wrapper (of a provider or a component), or {@code object} itself. */
    static Object unwrap(Object object) {
        if (object instanceof PluginComponent component) {
            return component.target();
        }
        if (isWrapper(object)) {
            return ((PluginCalls) Proxy.getInvocationHandler(object)).target;
        }
        return object;
    }

    /** Whether {@code object} is a proxy made here. */
    static boolean isWrapper(Object object) {
        return object != null && Proxy.isProxyClass(object.getClass())
                && Proxy.getInvocationHandler(object) instanceof PluginCalls;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "equals":
                if (method.getParameterCount() == 1) {
                    return proxy == args[0];
                }
                break;
            case "hashCode":
                if (method.getParameterCount() == 0) {
                    return System.identityHashCode(proxy);
                }
                break;
            default:
                break;
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(pluginLoader);
        try {
            Object result = method.invoke(target, args);
            if (provider && method.getName().equals("create") && result != null) {
                return PluginComponents.wrap(result, pluginLoader);
            }
            return result;
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
