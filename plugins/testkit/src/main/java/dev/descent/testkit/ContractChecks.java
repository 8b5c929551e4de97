package dev.descent.testkit;

import static java.util.Objects.requireNonNull;

import dev.descent.api.ComponentProvider;
import dev.descent.api.ComponentResolver;
import dev.descent.api.LayerProvider;
import dev.descent.api.LossProvider;
import dev.descent.api.OptimizerProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.ScheduleProvider;
import dev.descent.api.Spec;
import dev.descent.api.SpecValue;
import dev.descent.api.TransformProvider;
import dev.descent.testkit.ComponentChecks.SpecCase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The contract checks of the plugin testkit, without JUnit: given a provider, run every check that
 * applies to it and return one {@link CheckResult} per check. {@code descent plugins verify} runs them on
 * every provider a jar brings; {@link LossContract} and its siblings turn them into JUnit tests.
 *
 * <pre>{@code
 * List<CheckResult> results = ContractChecks.check(new FocalLossProvider(), ComponentResolver.NONE);
 * results.stream().filter(r -> !r.passed()).forEach(System.out::println);
 * }</pre>
 *
 * <p>Every provider gets {@link #DESCRIBE} and {@link #PARAMETERS}; then each spec that could be created
 * gets the checks of its kind, named with the spec in brackets: {@code loss deterministic [focal(gamma=2)]}.
 * Each check runs on its own component and catches whatever it throws (but a {@link VirtualMachineError}),
 * so one failing check never hides the others. Random inputs come from fixed seeds: a run is repeatable.
 */
public final class ContractChecks {
    /**
     * The name is snake_case, aliases too and distinct from it; the description is one non-blank line
     * under 200 characters; every parameter is snake_case, unique and documented, and its default lies in
     * its range and among its choices.
     */
    public static final String DESCRIBE = "describe well-formed";
    /**
     * Every spec creates a component; a value just outside each declared range, a word not among a
     * parameter's choices and an unknown parameter are refused with an {@link dev.descent.api.InvalidParameterException} naming the parameter.
     */
    public static final String PARAMETERS = "parameters validated";

    /** Value, gradient and unreduced values are finite on random inputs. */
    public static final String LOSS_FINITE = "loss value finite";
    /** The gradient matches central finite differences at random points. */
    public static final String LOSS_GRADIENT = "loss gradient matches finite differences";
    /** compute and unreduced leave predictions and targets unchanged. */
    public static final String LOSS_INPUTS_UNCHANGED = "loss leaves its inputs unchanged";
    /** compute overwrites the gradient buffer (filled with NaN first) instead of adding to it. */
    public static final String LOSS_GRADIENT_OVERWRITTEN = "loss gradient buffer overwritten, not accumulated";
    /** Predictions [4, 3] with targets [4, 2]: an IllegalArgumentException naming the loss and both shapes. */
    public static final String LOSS_SHAPE_ERRORS = "loss shape errors reported clearly";
    /**
     * For a loss with a {@code reduction} parameter offering mean, sum and none: sum = mean × n, the
     * unreduced values sum to sum, and compute with none returns that sum.
     */
    public static final String LOSS_REDUCTION = "loss reduction consistency";
    /** Two computes on one input give identical bits. */
    public static final String LOSS_DETERMINISM = "loss deterministic";

    /** 50 steps on a convex quadratic lower it. */
    public static final String OPTIMIZER_DECREASES = "optimizer decreases a convex quadratic";
    /** 3 steps, state(), loadState into a fresh optimizer, 3 more: bit for bit the uninterrupted run. */
    public static final String OPTIMIZER_STATE = "optimizer state round trip";
    /** setLearningRate then learningRate gives the rate back; learningRate starts at the spec's lr. */
    public static final String OPTIMIZER_LEARNING_RATE = "optimizer learning rate round trip";
    /** Two optimizers from one spec take identical steps. */
    public static final String OPTIMIZER_DETERMINISM = "optimizer deterministic";

    /** outputShape, with the batch prepended, is the shape forward produces. */
    public static final String LAYER_OUTPUT_SHAPE = "layer output shape agrees with forward";
    /** backward's input gradient matches finite differences of sum(forward(x) ⊙ R). */
    public static final String LAYER_INPUT_GRADIENT = "layer input gradient matches finite differences";
    /** Every parameter gradient matches finite differences of sum(forward(x) ⊙ R). */
    public static final String LAYER_PARAMETER_GRADIENTS = "layer parameter gradients match finite differences";
    /** backward adds into the parameter gradients: two passes give twice one. */
    public static final String LAYER_ACCUMULATES = "layer accumulates parameter gradients";
    /** Two layers from one spec and seed hold identical weights and give identical outputs. */
    public static final String LAYER_DETERMINISM = "layer deterministic";
    /** backward without a training forward throws IllegalStateException. */
    public static final String LAYER_BACKWARD_NEEDS_TRAINING = "layer backward without a training forward refused";
    /** A smaller batch gives the outputs of those examples in the full batch, and the full batch again after. */
    public static final String LAYER_SMALLER_BATCH = "layer smaller batch gives the same outputs";

    /** Rates for t = 0..50 from an initial rate of 0.1 are finite and non-negative. */
    public static final String SCHEDULE_RATES = "schedule rates finite and non-negative";
    /** Rates are the same on every pass and for every schedule of one spec. */
    public static final String SCHEDULE_DETERMINISM = "schedule deterministic";

    /** Steps on finite gradients leave finite gradients and do not change the parameters. */
    public static final String TRANSFORM_FINITE = "transform keeps gradients finite and parameters unchanged";
    /** 3 steps, state(), loadState into a fresh transform, 3 more: bit for bit the uninterrupted run. */
    public static final String TRANSFORM_STATE = "transform state round trip";
    /** Two transforms from one spec give identical gradients. */
    public static final String TRANSFORM_DETERMINISM = "transform deterministic";

    private ContractChecks() {}

    /**
     * Runs every check that applies to {@code provider}, with its {@link #defaultSpec} and the default
     * configuration of its kind; a provider of another kind gets {@link #DESCRIBE} and {@link #PARAMETERS}.
     *
     * @param resolver builds nested specs, e.g. the host's registries
     */
    public static List<CheckResult> check(ComponentProvider<?> provider, ComponentResolver resolver) {
        requireNonNull(provider, "provider is null");
        requireNonNull(resolver, "resolver is null");
        if (provider instanceof LossProvider loss) {
            return checkLoss(loss, LossCheckConfig.defaults().withResolver(resolver));
        } else if (provider instanceof OptimizerProvider optimizer) {
            return checkOptimizer(optimizer, OptimizerCheckConfig.defaults().withResolver(resolver));
        } else if (provider instanceof LayerProvider layer) {
            return checkLayer(layer, LayerCheckConfig.defaults().withResolver(resolver));
        } else if (provider instanceof ScheduleProvider schedule) {
            return checkSchedule(schedule, ScheduleCheckConfig.defaults().withResolver(resolver));
        } else if (provider instanceof TransformProvider transform) {
            return checkTransform(transform, TransformCheckConfig.defaults().withResolver(resolver));
        }
        return checkComponent(provider, List.of(), resolver);
    }

    /** {@link #DESCRIBE} and {@link #PARAMETERS} alone, for a provider of any kind. */
    public static List<CheckResult> checkComponent(ComponentProvider<?> provider, List<String> specs,
            ComponentResolver resolver) {
        requireNonNull(provider, "provider is null");
        requireNonNull(specs, "specs is null");
        requireNonNull(resolver, "resolver is null");
        CheckRun run = new CheckRun(Components.label(provider));
        ComponentChecks.describe(run, provider);
        ComponentChecks.parameters(run, provider, List.copyOf(specs), resolver);
        return run.results();
    }

    /**
     * {@link #DESCRIBE}, {@link #PARAMETERS} and, for each spec of {@code config} that could be created, the
     * loss checks: {@link #LOSS_FINITE}, {@link #LOSS_GRADIENT}, {@link #LOSS_INPUTS_UNCHANGED},
     * {@link #LOSS_GRADIENT_OVERWRITTEN}, {@link #LOSS_SHAPE_ERRORS}, {@link #LOSS_REDUCTION} (when the loss
     * declares a {@code reduction} parameter with mean, sum and none) and {@link #LOSS_DETERMINISM}.
     */
    public static List<CheckResult> checkLoss(LossProvider provider, LossCheckConfig config) {
        requireNonNull(config, "config is null");
        return checkEachSpec(provider, config.specs(), config.resolver(),
                (run, spec) -> LossChecks.run(run, provider, config, spec));
    }

    /**
     * {@link #DESCRIBE}, {@link #PARAMETERS} and, for each spec that could be created,
     * {@link #OPTIMIZER_DECREASES}, {@link #OPTIMIZER_STATE}, {@link #OPTIMIZER_LEARNING_RATE} and
     * {@link #OPTIMIZER_DETERMINISM}.
     */
    public static List<CheckResult> checkOptimizer(OptimizerProvider provider, OptimizerCheckConfig config) {
        requireNonNull(config, "config is null");
        return checkEachSpec(provider, config.specs(), config.resolver(),
                (run, spec) -> OptimizerChecks.run(run, provider, config, spec));
    }

    /**
     * {@link #DESCRIBE}, {@link #PARAMETERS} and, for each spec that could be created,
     * {@link #LAYER_OUTPUT_SHAPE}, {@link #LAYER_INPUT_GRADIENT}, {@link #LAYER_PARAMETER_GRADIENTS},
     * {@link #LAYER_ACCUMULATES}, {@link #LAYER_DETERMINISM}, {@link #LAYER_BACKWARD_NEEDS_TRAINING} and
     * {@link #LAYER_SMALLER_BATCH}. Each layer is initialised for the configured input shape from a fixed
     * seed before use; a {@link dev.descent.api.MergeLayer} for {@link LayerCheckConfig#inputShapes}, with the
     * gradient of each of its inputs checked.
     */
    public static List<CheckResult> checkLayer(LayerProvider provider, LayerCheckConfig config) {
        requireNonNull(config, "config is null");
        return checkEachSpec(provider, config.specs(), config.resolver(),
                (run, spec) -> LayerChecks.run(run, provider, config, spec));
    }

    /**
     * {@link #DESCRIBE}, {@link #PARAMETERS} and, for each spec that could be created,
     * {@link #SCHEDULE_RATES} and {@link #SCHEDULE_DETERMINISM}.
     */
    public static List<CheckResult> checkSchedule(ScheduleProvider provider, ScheduleCheckConfig config) {
        requireNonNull(config, "config is null");
        return checkEachSpec(provider, config.specs(), config.resolver(),
                (run, spec) -> ScheduleChecks.run(run, provider, config, spec));
    }

    /**
     * {@link #DESCRIBE}, {@link #PARAMETERS} and, for each spec that could be created,
     * {@link #TRANSFORM_FINITE}, {@link #TRANSFORM_STATE} and {@link #TRANSFORM_DETERMINISM}.
     */
    public static List<CheckResult> checkTransform(TransformProvider provider, TransformCheckConfig config) {
        requireNonNull(config, "config is null");
        return checkEachSpec(provider, config.specs(), config.resolver(),
                (run, spec) -> TransformChecks.run(run, provider, config, spec));
    }

    /**
     * The spec the checks use when none is given: the provider's name, with a value for each required
     * parameter that has none: a choice's first word, {@code false}, an integer near 3 or a number near
     * 0.5 inside the declared range (lists of such numbers). {@code sgd} stays {@code sgd};
     * {@code linear} becomes {@code linear(out_features=3)}. A required nested spec or free string cannot
     * be guessed and is left out, so creating fails and says so; give specs for such a provider.
     */
    public static String defaultSpec(ComponentProvider<?> provider) {
        requireNonNull(provider, "provider is null");
        Map<String, SpecValue> arguments = new LinkedHashMap<>();
        for (ParamSpec param : provider.params()) {
            if (!param.isRequired()) {
                continue;
            }
            SpecValue value = sample(param);
            if (value != null) {
                arguments.put(param.name(), value);
            }
        }
        return new Spec(null, provider.name(), arguments).toString();
    }

    private static SpecValue sample(ParamSpec param) {
        if (!param.choices().isEmpty()) {
            return ParamRange.word(param.choices().get(0));
        }
        return switch (param.type()) {
            case BOOLEAN -> new SpecValue.BooleanValue(false);
            case REAL, INTEGER, REAL_LIST, INTEGER_LIST -> ParamRange.specValue(param, ParamRange.of(param).sample(param));
            default -> null;
        };
    }

    /** {@link #DESCRIBE}, {@link #PARAMETERS}, then {@code kindChecks} on each spec that could be created. */
    private static List<CheckResult> checkEachSpec(ComponentProvider<?> provider, List<String> specs,
            ComponentResolver resolver, BiConsumer<CheckRun, SpecCase> kindChecks) {
        requireNonNull(provider, "provider is null");
        CheckRun run = new CheckRun(Components.label(provider));
        ComponentChecks.describe(run, provider);
        for (SpecCase spec : ComponentChecks.parameters(run, provider, specs, resolver)) {
            kindChecks.accept(run, spec);
        }
        return run.results();
    }
}
