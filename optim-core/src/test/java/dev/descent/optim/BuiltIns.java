package dev.descent.optim;

import dev.descent.api.ComponentProvider;
import dev.descent.api.GradientTransform;
import dev.descent.api.Optimizer;
import dev.descent.api.OptimizerProvider;
import dev.descent.api.Params;
import dev.descent.api.Schedule;
import dev.descent.api.ScheduleProvider;
import dev.descent.api.Spec;
import dev.descent.api.TransformProvider;
import dev.descent.testkit.ProviderResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The optimizers, transforms and schedules this module registers, as the host's registries would offer them:
 * components made from specs, nested specs ({@code chain(clip_grad_norm(max_norm=1), adam)},
 * {@code lookahead(inner=adam)}, {@code sequential(schedules=[...])}) resolved among them.
 */
public final class BuiltIns {
    /** Every {@link OptimizerProvider}, {@link TransformProvider} and {@link ScheduleProvider} found by {@link ServiceLoader}. */
    public static final ProviderResolver RESOLVER = new ProviderResolver(providers());

    private BuiltIns() {}

    private static List<ComponentProvider<?>> providers() {
        List<ComponentProvider<?>> providers = new ArrayList<>();
        ServiceLoader.load(OptimizerProvider.class).forEach(providers::add);
        ServiceLoader.load(TransformProvider.class).forEach(providers::add);
        ServiceLoader.load(ScheduleProvider.class).forEach(providers::add);
        return providers;
    }

    /** The registered schedule providers. */
    public static List<ScheduleProvider> scheduleProviders() {
        return ServiceLoader.load(ScheduleProvider.class).stream().map(ServiceLoader.Provider::get).toList();
    }

    /** The schedule {@code spec} makes, its parameters validated, nested specs resolved. */
    public static Schedule schedule(String spec) {
        return RESOLVER.create(Schedule.class, Spec.parse(spec));
    }

    /** The arguments of {@code spec} checked against {@code provider}'s parameters, as the host checks them. */
    public static Params params(OptimizerProvider provider, String spec) {
        return Params.resolve("optimizer '" + provider.name() + "'", provider.params(), Spec.parse(spec).arguments(),
                RESOLVER);
    }

    /** The optimizer {@code spec} makes, its arguments validated as a config's would be. */
    public static Optimizer optimizer(String spec) {
        return RESOLVER.create(Optimizer.class, Spec.parse(spec));
    }

    /** The gradient transform {@code spec} makes. */
    public static GradientTransform transform(String spec) {
        return RESOLVER.create(GradientTransform.class, Spec.parse(spec));
    }
}
