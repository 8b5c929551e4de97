package dev.descent.testkit;

import dev.descent.api.ComponentProvider;
import dev.descent.api.ComponentResolver;
import dev.descent.api.GradientTransform;
import dev.descent.api.Layer;
import dev.descent.api.LayerProvider;
import dev.descent.api.Loss;
import dev.descent.api.LossProvider;
import dev.descent.api.Metric;
import dev.descent.api.MetricProvider;
import dev.descent.api.Optimizer;
import dev.descent.api.OptimizerProvider;
import dev.descent.api.Params;
import dev.descent.api.Schedule;
import dev.descent.api.ScheduleProvider;
import dev.descent.api.Spec;
import dev.descent.api.TransformProvider;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/** What the checks need to know about providers: their kind, their name in words, how to create from a spec. */
final class Components {
    private Components() {}

    /** {@code loss}, {@code optimizer}, {@code layer}, {@code schedule}, {@code metric}, {@code transform}, or {@code component}. */
    static String kindWord(ComponentProvider<?> provider) {
        if (provider instanceof LossProvider) {
            return "loss";
        } else if (provider instanceof OptimizerProvider) {
            return "optimizer";
        } else if (provider instanceof LayerProvider) {
            return "layer";
        } else if (provider instanceof ScheduleProvider) {
            return "schedule";
        } else if (provider instanceof MetricProvider) {
            return "metric";
        } else if (provider instanceof TransformProvider) {
            return "transform";
        }
        return "component";
    }

    /**
     * The type of component {@code provider} creates: {@code Loss.class} for a {@link LossProvider}, and
     * for other kinds the type argument of {@code ComponentProvider}, found by reflection; null when it
     * cannot be told.
     */
    static Class<?> componentType(ComponentProvider<?> provider) {
        if (provider instanceof LossProvider) {
            return Loss.class;
        } else if (provider instanceof OptimizerProvider) {
            return Optimizer.class;
        } else if (provider instanceof LayerProvider) {
            return Layer.class;
        } else if (provider instanceof ScheduleProvider) {
            return Schedule.class;
        } else if (provider instanceof MetricProvider) {
            return Metric.class;
        } else if (provider instanceof TransformProvider) {
            return GradientTransform.class;
        }
        return typeArgument(provider.getClass());
    }

    private static Class<?> typeArgument(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            if (parameterized.getRawType() == ComponentProvider.class) {
                Type argument = parameterized.getActualTypeArguments()[0];
                return argument instanceof Class<?> c ? c
                        : argument instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw ? raw : null;
            }
            return typeArgument(parameterized.getRawType());
        }
        if (type instanceof Class<?> c) {
            List<Type> supers = new ArrayList<>(List.of(c.getGenericInterfaces()));
            if (c.getGenericSuperclass() != null) {
                supers.add(c.getGenericSuperclass());
            }
            for (Type parent : supers) {
                Class<?> found = typeArgument(parent);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The provider's name, or its class name when {@code name()} fails or gives nothing. */
    static String label(ComponentProvider<?> provider) {
        try {
            String name = provider.name();
            if (name != null && !name.isBlank()) {
                return name;
            }
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            // Reported by the describe check; here only a label is wanted.
        }
        return provider.getClass().getName();
    }

    /** The component in words, as registries write it for {@link Params#resolve}: {@code loss 'mse'}. */
    static String owner(ComponentProvider<?> provider) {
        return kindWord(provider) + " '" + provider.name() + "'";
    }

    /** Validates the spec's arguments and creates the component. */
    static <T> T create(ComponentProvider<T> provider, Spec spec, ComponentResolver resolver) {
        Params params = Params.resolve(owner(provider), provider.params(), spec.arguments(), resolver);
        T component = provider.create(params);
        if (component == null) {
            throw CheckRun.fail("create(" + params + ") returned null for spec '" + spec + "'");
        }
        return component;
    }
}
