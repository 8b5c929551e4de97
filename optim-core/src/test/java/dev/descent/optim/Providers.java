package dev.descent.optim;

import dev.descent.api.Optimizer;
import dev.descent.api.OptimizerProvider;
import dev.descent.api.Params;
import dev.descent.api.Spec;
import dev.descent.testkit.ProviderResolver;
import java.util.ServiceLoader;

/**
 * The optimizers as the host finds them, for tests: every {@link OptimizerProvider} on the class path, with
 * nested specs such as lookahead's {@code inner=adam(lr=0.05)} resolved among them.
 */
final class Providers {
    static final ProviderResolver RESOLVER = new ProviderResolver(ServiceLoader.load(OptimizerProvider.class).stream()
            .map(ServiceLoader.Provider::get)
            .toList());

    private Providers() {}

    /** The optimizer a spec makes, through its provider, as a config or the CLI would create it. */
    static Optimizer create(String spec) {
        return RESOLVER.create(Optimizer.class, Spec.parse(spec));
    }

    /** The arguments of {@code spec} checked against {@code provider}'s parameters, as the host checks them. */
    static Params params(OptimizerProvider provider, String spec) {
        return Params.resolve("optimizer '" + provider.name() + "'", provider.params(), Spec.parse(spec).arguments(),
                RESOLVER);
    }
}
