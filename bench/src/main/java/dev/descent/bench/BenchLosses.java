package dev.descent.bench;

import static java.util.Objects.requireNonNull;

import dev.descent.api.ComponentResolver;
import dev.descent.api.Dual;
import dev.descent.api.ElementwiseLoss;
import dev.descent.api.Loss;
import dev.descent.api.LossProvider;
import dev.descent.api.Params;
import dev.descent.api.Reduction;
import dev.descent.api.Spec;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Makes the loss a benchmark spec names. A plain spec ({@code mse}, {@code huber(delta=1)}) is a
 * registered loss, found through {@link LossProvider}s with {@link ServiceLoader} and its parameters
 * resolved with {@link Params#resolve}, as the app does (bench must not depend on app). Two namespaces
 * are the benchmark's own, to compare the two ways of writing an element-wise loss on the same function:
 * <ul>
 *   <li>{@code dual:NAME}: written once as a {@link Dual} formula, {@link ElementwiseLoss#of};</li>
 *   <li>{@code hand:NAME}: a final {@link ElementwiseLoss} with value and derivative written by hand.</li>
 * </ul>
 */
final class BenchLosses {
    /** Formulas for {@code dual:NAME}; log_cosh is the registered one's value, stably (see LogCoshLoss). */
    private static final Map<String, ElementwiseLoss.Formula> FORMULAS = Map.of(
            "mse", (p, t) -> p.minus(t).square(),
            "log_cosh", (p, t) -> {
                Dual a = p.minus(t).abs();
                return a.plus(a.times(-2).expm1().div(2).log1p());
            });

    /** The registered losses that need other inputs than {@link Inputs.Kind#REGRESSION}. */
    private static final Map<String, Inputs.Kind> KINDS = Map.of(
            "bce", Inputs.Kind.PROBABILITIES,
            "bce_with_logits", Inputs.Kind.LOGITS,
            "cross_entropy", Inputs.Kind.CLASS_INDICES);

    private BenchLosses() {}

    /** The loss {@code spec} names, reduced by the mean unless the spec says otherwise. */
    static Loss create(String spec) {
        requireNonNull(spec, "spec is null");
        Spec parsed = Spec.parse(spec);
        if ("dual".equals(parsed.namespace())) {
            ElementwiseLoss.Formula formula = FORMULAS.get(parsed.name());
            if (formula == null) {
                throw new IllegalArgumentException("no Dual formula '" + parsed.name() + "' in benchmark spec '"
                        + spec + "'; valid: " + new TreeSet<>(FORMULAS.keySet()));
            }
            return ElementwiseLoss.of("dual_" + parsed.name(), Reduction.MEAN, formula);
        }
        if ("hand".equals(parsed.namespace())) {
            if (!parsed.name().equals("log_cosh")) {
                throw new IllegalArgumentException("no hand-written loss '" + parsed.name()
                        + "' in benchmark spec '" + spec + "'; valid: [log_cosh]");
            }
            return new HandLogCosh();
        }
        if (parsed.namespace() != null) {
            throw new IllegalArgumentException("unknown namespace '" + parsed.namespace() + "' in benchmark spec '"
                    + spec + "'; valid: none (a registered loss), dual, hand");
        }
        LossProvider provider = provider(parsed.name());
        String owner = "loss '" + provider.name() + "'";
        return provider.create(Params.resolve(owner, provider.params(), parsed.arguments(),
                ComponentResolver.NONE));
    }

    /** The inputs the loss {@code spec} names accepts. */
    static Inputs.Kind inputKind(String spec) {
        Spec parsed = Spec.parse(spec);
        if (parsed.namespace() != null) {
            return Inputs.Kind.REGRESSION;
        }
        return KINDS.getOrDefault(provider(parsed.name()).name(), Inputs.Kind.REGRESSION);
    }

    /** Inputs of {@code size} for the loss {@code spec} names. */
    static Inputs inputs(String spec, Size size, long seed) {
        return new Inputs(inputKind(spec), size.shape(), seed);
    }

    private static LossProvider provider(String name) {
        var providers = ServiceLoader.load(LossProvider.class).stream().map(ServiceLoader.Provider::get).toList();
        return providers.stream()
                .filter(provider -> provider.name().equals(name) || provider.aliases().contains(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no registered loss '" + name + "'; valid: "
                        + providers.stream().map(LossProvider::name).sorted().collect(Collectors.joining(", "))
                        + ", or dual:NAME / hand:NAME"));
    }

    /**
     * log(cosh(p - t)) by hand on the plugins' path, {@link ElementwiseLoss}: the value as the registered
     * log_cosh computes it, {@code |x| + log1p(expm1(-2|x|) / 2)}, and the derivative {@code tanh(x)}. Against
     * {@code dual:log_cosh} it shows what writing the gradient by hand saves; against {@code log_cosh}, what
     * its kernel saves.
     */
    static final class HandLogCosh extends ElementwiseLoss {
        HandLogCosh() {
            super("hand_log_cosh", Reduction.MEAN);
        }

        @Override
        protected double value(double prediction, double target) {
            double a = Math.abs(prediction - target);
            return a + Math.log1p(Math.expm1(-2 * a) / 2);
        }

        @Override
        protected double derivative(double prediction, double target) {
            return Math.tanh(prediction - target);
        }
    }
}
