package dev.descent.api;

/**
 * Builds a component from a nested spec, such as the {@code inner} optimizer of
 * {@code lookahead(k=5, inner=adam(lr=0.001))}. The host hands one to {@link Params}, so a provider
 * reaches the registries through its parameters and never through statics.
 */
public interface ComponentResolver {

    /** Creates a component of {@code kind} (e.g. {@code Optimizer.class}) from {@code spec}. */
    <T> T create(Class<T> kind, Spec spec);

    /** A resolver for contexts without registries: nested components are refused. */
    ComponentResolver NONE = new ComponentResolver() {
        @Override
        public <T> T create(Class<T> kind, Spec spec) {
            throw new IllegalStateException("cannot create nested " + kind.getSimpleName() + " '" + spec
                    + "' without a registry; create it through Descent's registries");
        }
    };
}
