package dev.descent.optim.transform;

import dev.descent.api.GradientTransform;
import dev.descent.api.InvalidParameterException;
import dev.descent.api.Optimizer;
import dev.descent.api.OptimizerProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import dev.descent.api.Spec;
import dev.descent.api.UnknownNameException;
import java.util.ArrayList;
import java.util.List;

/**
 * Provides {@code chain}: {@link Chain}, written {@code chain(clip_grad_norm(max_norm=1.0), adam(lr=0.001))}:
 * gradient transforms, then the optimizer last, each created through the host's registries (plugins too).
 */
public final class ChainProvider implements OptimizerProvider {
    private static final String STEPS = "steps";
    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.componentList(STEPS, GradientTransform.class, null,
                    "gradient transforms in the order they apply, then the optimizer, written as positional"
                            + " arguments: chain(clip_grad_norm(max_norm=1.0), adam)").variadic());

    public ChainProvider() {}

    @Override
    public String name() {
        return Chain.NAME;
    }

    @Override
    public String description() {
        return "gradient transforms (clipping, noise, accumulation, ema) in front of an optimizer (optax.chain)";
    }

    @Override
    public String whenToUse() {
        return "To clip, accumulate or add noise to the gradients before any optimizer, or keep an average of"
                + " the parameters: chain(clip_grad_norm(max_norm=1.0), adamw).";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    /** @throws InvalidParameterException for no steps, a last step that is not an optimizer, or an earlier one that is */
    @Override
    public Optimizer create(Params params) {
        List<Spec> steps = params.componentSpecs(STEPS);
        if (steps.isEmpty()) {
            throw new InvalidParameterException(STEPS, Chain.NAME + ": steps is empty; give the transforms and then"
                    + " the optimizer: chain(clip_grad_norm(max_norm=1.0), adam)");
        }
        List<GradientTransform> transforms = new ArrayList<>();
        for (int i = 0; i < steps.size() - 1; i++) {
            Spec step = steps.get(i);
            transforms.add(create(params, GradientTransform.class, step, Optimizer.class,
                    Chain.NAME + ": only the last step may be an optimizer, but step " + i + " is the optimizer '"
                            + step.name() + "'; write the transforms first and the optimizer last"));
        }
        Spec last = steps.get(steps.size() - 1);
        Optimizer optimizer = create(params, Optimizer.class, last, GradientTransform.class,
                Chain.NAME + ": the last step must be an optimizer, got '" + last.name() + "', a gradient transform;"
                        + " end with one: chain(" + last.name() + "(...), adam)");
        return Chain.of(transforms, optimizer);
    }

    /**
     * Creates {@code spec} as a {@code kind}; when no such one exists but {@code other} does (an optimizer among
     * the transforms, or the reverse), says so with {@code misplaced} rather than "unknown name".
     */
    private static <T> T create(Params params, Class<T> kind, Spec spec, Class<?> other, String misplaced) {
        try {
            return params.create(kind, spec);
        } catch (UnknownNameException unknown) {
            if (!unknown.name().equals(spec.qualifiedName()) || !exists(params, other, spec)) {
                throw unknown;
            }
            InvalidParameterException wrongKind = new InvalidParameterException(STEPS, misplaced);
            wrongKind.initCause(unknown);
            throw wrongKind;
        }
    }

    private static boolean exists(Params params, Class<?> kind, Spec spec) {
        try {
            params.create(kind, spec);
            return true;
        } catch (UnknownNameException e) {
            return !e.name().equals(spec.qualifiedName());
        } catch (IllegalArgumentException e) {
            return true; // it is one, with arguments it refuses
        }
    }
}
