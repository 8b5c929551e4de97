package dev.descent.app.plugin;

import dev.descent.api.ComponentProvider;
import dev.descent.app.registry.Kind;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Wraps a plugin's provider, and every component it creates, so that each call into plugin code runs
 * with the plugin's class loader as the thread's context class loader: libraries inside a plugin that
 * look classes up through it (ServiceLoader, Jackson, JAXB) find the plugin's own.
 */
final class PluginCalls implements InvocationHandler {
    private final Object target;
    private final ClassLoader pluginLoader;
    private final Kind kind;
    private final boolean provider;

    private PluginCalls(Object target, ClassLoader pluginLoader, Kind kind, boolean provider) {
        this.target = target;
        this.pluginLoader = pluginLoader;
        this.kind = kind;
        this.provider = provider;
    }

    /** The provider, wrapped; what its {@code create} returns is wrapped too. */
    static ComponentProvider<?> wrap(ComponentProvider<?> provider, Kind kind, ClassLoader pluginLoader) {
        return (ComponentProvider<?>) Proxy.newProxyInstance(kind.providerType().getClassLoader(),
                new Class<?>[] {kind.providerType()}, new PluginCalls(provider, pluginLoader, kind, true));
    }

    /** The plugin's own object behind a wrapper, or {@code object} itself. */
    static Object unwrap(Object object) {
        if (object != null && Proxy.isProxyClass(object.getClass())
                && Proxy.getInvocationHandler(object) instanceof PluginCalls calls) {
            return calls.target;
        }
        return object;
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
            if (provider && method.getName().equals("create") && result != null
                    && kind.componentType().isInstance(result)) {
                return Proxy.newProxyInstance(kind.componentType().getClassLoader(),
                        new Class<?>[] {kind.componentType()}, new PluginCalls(result, pluginLoader, kind, false));
            }
            return result;
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
