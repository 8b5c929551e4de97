package dev.descent.api;

import java.util.List;

/**
 * A step that works on the gradients before an {@link Optimizer} uses them, or follows the parameters after,
 * as optax's gradient transformations: clipping, noise, accumulation over several batches, an exponential
 * moving average of the parameters. Transforms are composed in front of an optimizer with {@code chain}
 * ({@code chain(clip_grad_norm(max_norm=1.0), adam(lr=0.001))}), which is itself an optimizer: each step it
 * calls {@link #beforeStep} of every transform in order, then the optimizer's step, then {@link #afterStep} of
 * every transform.
 *
 * <p>Like an optimizer, a transform's state is keyed by {@link Parameter#name()} and exact: {@link #state()}
 * taken after step k and given to {@link #loadState} of a fresh transform resumes the same trajectory.
 */
public interface GradientTransform {

    /**
     * Called before the optimizer steps, with the gradients of this step in {@link Parameter#gradient()}; may
     * rewrite them in place.
     *
     * @return whether the step goes on: false holds it back (gradient accumulation before the last batch of a
     *     group), so the transforms after this one, the optimizer and every {@link #afterStep} are skipped
     */
    boolean beforeStep(List<Parameter> parameters);

    /** Called after the optimizer has updated the parameters, for transforms that follow them, such as ema. */
    default void afterStep(List<Parameter> parameters) {}

    /** A snapshot of everything a later step depends on; empty for a stateless transform. */
    default State state() {
        return State.empty();
    }

    /**
     * Restores a snapshot taken with {@link #state()}.
     *
     * @throws IllegalArgumentException for a state this transform does not keep
     */
    default void loadState(State state) {
        if (!state.isEmpty()) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " keeps no state, but was given " + state);
        }
    }
}
