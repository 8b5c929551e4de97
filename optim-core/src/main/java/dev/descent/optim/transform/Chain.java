package dev.descent.optim.transform;

import static java.util.Objects.requireNonNull;

import dev.descent.api.GradientTransform;
import dev.descent.api.Optimizer;
import dev.descent.api.Parameter;
import dev.descent.api.State;
import dev.descent.optim.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Gradient transforms in front of an optimizer, as optax's {@code chain}: itself an {@link Optimizer}, so
 * {@code chain(clip_grad_norm(max_norm=1.0), adam(lr=0.001))} goes wherever an optimizer does. Each step:
 *
 * <ol>
 *   <li>{@link GradientTransform#beforeStep} of each transform, in order; if one returns false (accumulate
 *       before the last batch of its group) the step ends there;
 *   <li>the optimizer's {@link Optimizer#step};
 *   <li>{@link GradientTransform#afterStep} of each transform, in order.
 * </ol>
 *
 * <p>The learning rate is the optimizer's. {@link #state()} nests each transform's state under its position
 * ({@code 0/...}, {@code 1/...}) and the optimizer's under {@code optimizer/...}:
 * {@code optimizer/lr}, {@code optimizer/exp_avg/0.weight}, {@code 1/ema/0.weight}.
 *
 * <pre>{@code
 * Ema ema = new Ema(0.999);
 * Chain chain = Chain.of(adam, new ClipGradNorm(1.0), ema);
 * ...
 * chain.find(Ema.class).ifPresent(average -> average.copyAveragesTo(model.parameters()));
 * }</pre>
 */
public final class Chain implements Optimizer {
    static final String NAME = "chain";

    private final List<GradientTransform> transforms;
    private final Optimizer optimizer;

    private Chain(List<GradientTransform> transforms, Optimizer optimizer) {
        this.transforms = List.copyOf(transforms);
        this.optimizer = requireNonNull(optimizer, "optimizer is null");
    }

    /** {@code transforms} in order, then {@code optimizer}: the spec's order, with the optimizer named first. */
    public static Chain of(Optimizer optimizer, GradientTransform... transforms) {
        return new Chain(List.of(transforms), optimizer);
    }

    /** {@code transforms} in order, then {@code optimizer}. */
    public static Chain of(List<GradientTransform> transforms, Optimizer optimizer) {
        return new Chain(transforms, optimizer);
    }

    @Override
    public void step(List<Parameter> parameters) {
        requireNonNull(parameters, "parameters is null");
        Checks.requireDistinctNames(NAME, parameters);
        for (GradientTransform transform : transforms) {
            if (!transform.beforeStep(parameters)) {
                return;
            }
        }
        optimizer.step(parameters);
        for (GradientTransform transform : transforms) {
            transform.afterStep(parameters);
        }
    }

    /** The transforms, in order, without the optimizer. */
    public List<GradientTransform> transforms() {
        return transforms;
    }

    /** The optimizer the transforms feed. */
    public Optimizer optimizer() {
        return optimizer;
    }

    /** The first transform of {@code type}, such as the {@link Ema} whose averages to evaluate. */
    public <T extends GradientTransform> Optional<T> find(Class<T> type) {
        return transforms.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    @Override
    public double learningRate() {
        return optimizer.learningRate();
    }

    @Override
    public void setLearningRate(double learningRate) {
        optimizer.setLearningRate(learningRate);
    }

    @Override
    public State state() {
        return Transforms.nest(transforms.stream().map(GradientTransform::state).toList(), optimizer.state());
    }

    /**
     * Gives each part its nested state; a part with none in {@code state} is given an empty one.
     *
     * @throws IllegalArgumentException for an entry outside the parts (nothing is changed then), or one a part
     *     refuses (the parts before it have loaded theirs)
     */
    @Override
    public void loadState(State state) {
        requireNonNull(state, "state is null");
        List<State> nested = Transforms.unnest(NAME, state, transforms.size());
        for (int i = 0; i < transforms.size(); i++) {
            transforms.get(i).loadState(nested.get(i));
        }
        optimizer.loadState(nested.get(transforms.size()));
    }

    /** {@code chain(clip_grad_norm(max_norm=1, ...), adam(lr=0.001, ...))}, as far as the parts write themselves. */
    @Override
    public String toString() {
        List<Object> steps = new ArrayList<>(transforms);
        steps.add(optimizer);
        return steps.stream().map(String::valueOf).collect(Collectors.joining(", ", NAME + "(", ")"));
    }
}
