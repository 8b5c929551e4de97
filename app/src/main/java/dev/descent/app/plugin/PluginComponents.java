package dev.descent.app.plugin;

import dev.descent.api.GradientTransform;
import dev.descent.api.Layer;
import dev.descent.api.Loss;
import dev.descent.api.MergeLayer;
import dev.descent.api.Metric;
import dev.descent.api.Optimizer;
import dev.descent.api.Schedule;
import dev.descent.api.Trainable;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Puts a component a plugin created in front of the host, keeping every contract it implements: each
 * {@code dev.descent.api} interface of the plugin's object is an interface of what the host receives, so a
 * {@link MergeLayer} stays a merge layer and a loss with weights stays {@link Trainable}.
 *
 * <p>The wrapper is the hand-written one whose API interfaces are exactly the object's ({@link PluginLayer},
 * {@link PluginMergeLayer}, {@link PluginLoss}, {@link PluginTrainableLoss}, ...): it calls the plugin's
 * methods directly, so forward, backward, compute and step pay for two context-loader swaps and nothing
 * else. An object with another mix of API interfaces (a loss that is also a metric) gets a reflective proxy
 * over all of them, slower but keeping every contract; a new component interface in the API gets its own
 * wrapper here ({@code PluginComponentsTest} fails until it does).
 */
final class PluginComponents {
    /** A direct wrapper, chosen for an object whose API interfaces are exactly {@code contracts}. */
    private record Wrapper(Class<? extends PluginComponent> type, Set<Class<?>> contracts,
            BiFunction<Object, ClassLoader, PluginComponent> factory) {
        Wrapper(Class<? extends PluginComponent> type, BiFunction<Object, ClassLoader, PluginComponent> factory) {
            this(type, PluginComponents.contracts(type), factory);
        }
    }

    private static final List<Wrapper> BY_CONTRACTS = List.of(
            new Wrapper(PluginLayer.class, (c, l) -> new PluginLayer((Layer) c, l)),
            new Wrapper(PluginMergeLayer.class, (c, l) -> new PluginMergeLayer((MergeLayer) c, l)),
            new Wrapper(PluginLoss.class, (c, l) -> new PluginLoss((Loss) c, l)),
            new Wrapper(PluginTrainableLoss.class, (c, l) -> trainableLoss(c, l)),
            new Wrapper(PluginOptimizer.class, (c, l) -> new PluginOptimizer((Optimizer) c, l)),
            new Wrapper(PluginSchedule.class, (c, l) -> new PluginSchedule((Schedule) c, l)),
            new Wrapper(PluginMetric.class, (c, l) -> new PluginMetric((Metric) c, l)),
            new Wrapper(PluginTransform.class, (c, l) -> new PluginTransform((GradientTransform) c, l)));

    /** The direct wrappers' classes. */
    static final List<Class<? extends PluginComponent>> WRAPPERS =
            BY_CONTRACTS.stream().<Class<? extends PluginComponent>>map(Wrapper::type).toList();

    private PluginComponents() {}

    /**
     * {@code component} behind a wrapper that makes {@code pluginLoader} the context class loader around
     * every call; a component already wrapped (one the plugin took from the registries), or one without any
     * API interface, is returned as it is.
     */
    static Object wrap(Object component, ClassLoader pluginLoader) {
        if (component instanceof PluginComponent || PluginCalls.isWrapper(component)) {
            return component;
        }
        Set<Class<?>> contracts = contracts(component.getClass());
        if (contracts.isEmpty()) {
            return component; // no contract to keep: the registry's cast will name the wrong type
        }
        for (Wrapper wrapper : BY_CONTRACTS) {
            if (wrapper.contracts().equals(contracts)) {
                return wrapper.factory().apply(component, pluginLoader);
            }
        }
        return Proxy.newProxyInstance(Loss.class.getClassLoader(), contracts.toArray(Class<?>[]::new),
                PluginCalls.component(component, pluginLoader));
    }

    /** Every {@code dev.descent.api} interface {@code type} implements, directly or through others. */
    static Set<Class<?>> contracts(Class<?> type) {
        Set<Class<?>> contracts = new LinkedHashSet<>();
        Deque<Class<?>> pending = new ArrayDeque<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            pending.addAll(List.of(c.getInterfaces()));
        }
        while (!pending.isEmpty()) {
            Class<?> next = pending.pop();
            // A plugin's own interface may extend an API one: look through it.
            if (!next.getPackageName().equals(Loss.class.getPackageName()) || contracts.add(next)) {
                pending.addAll(List.of(next.getInterfaces()));
            }
        }
        return contracts;
    }

    private static PluginComponent trainableLoss(Object component, ClassLoader pluginLoader) {
        return new PluginTrainableLoss((Loss & Trainable) component, pluginLoader);
    }
}
