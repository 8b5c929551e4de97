package dev.descent.api;

import java.util.List;

/**
 * What every provider kind shares: a name, metadata and one factory method taking validated
 * parameters. Implementations are found with {@link java.util.ServiceLoader} through the kind's own
 * interface ({@link LossProvider}, {@link OptimizerProvider}, {@link LayerProvider},
 * {@link ScheduleProvider}) and need a public no-argument constructor.
 *
 * @param <T> the kind of component created
 */
public interface ComponentProvider<T> {

    /** The canonical snake_case name used in specs, e.g. {@code cross_entropy}. */
    String name();

    /** Other names that resolve to this provider, e.g. {@code mae} for {@code l1}. */
    default List<String> aliases() {
        return List.of();
    }

    /** One line saying what the component is, shown by {@code descent list} and {@code describe}. */
    String description();

    /**
     * When to choose this component over its neighbours, in a sentence or two, shown by {@code descent
     * describe}; empty when the provider says nothing.
     */
    default String whenToUse() {
        return "";
    }

    /** The parameters {@link #create} accepts, with types, defaults and valid ranges. */
    default List<ParamSpec> params() {
        return List.of();
    }

    /** A new component; {@code params} holds every declared parameter, validated, with defaults filled. */
    T create(Params params);
}
