package dev.descent.optim;

import dev.descent.api.Parameter;
import dev.descent.api.SpecValue;
import dev.descent.api.State;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Argument checks shared by the optimizers, schedules and gradient transforms, with messages in the project's
 * style. Public only so that the subpackages ({@code schedule}, {@code transform}) can share it; not meant for
 * plugins.
 */
public final class Checks {
    private Checks() {}

    /**
     * Returns {@code value} if it is at least {@code bound}; NaN is refused too.
     *
     * @throws IllegalArgumentException {@code sgd: lr must be >= 0, got '-1'}
     */
    public static double atLeast(String owner, String name, double value, double bound) {
        if (!(value >= bound)) {
            throw new IllegalArgumentException(owner + ": " + name + " must be >= " + format(bound) + ", got '"
                    + format(value) + "'");
        }
        return value;
    }

    /** Returns {@code t} if it is a valid epoch or step count. */
    public static long step(String owner, long t) {
        if (t < 0) {
            throw new IllegalArgumentException(owner + ": t must be >= 0 (epochs and steps count from 0), got '"
                    + t + "'");
        }
        return t;
    }

    /**
     * The step count a {@code State} holds, {@code value}, as a long.
     *
     * @throws IllegalArgumentException unless it is a whole number {@code >= 0}
     */
    static long stepCount(String owner, double value) {
        if (!(value >= 0) || value != Math.rint(value) || value > 0x1p53) {
            throw new IllegalArgumentException(owner + ": step in the state must be a whole number >= 0, got '"
                    + format(value) + "'");
        }
        return (long) value;
    }

    /**
     * The count under {@code key} of a loaded state (0 when absent): a whole number in {@code [0, max]}.
     *
     * @throws IllegalArgumentException {@code accumulate: state 'count' must be a count >= 0, got '-1'}
     */
    public static long count(String owner, State state, String key, double max) {
        double value = state.number(key, 0);
        if (!(value >= 0 && value <= max && value == Math.rint(value))) {
            throw new IllegalArgumentException(owner + ": state '" + key + "' must be a count >= 0, got '"
                    + format(value) + "'");
        }
        return (long) value;
    }

    /**
     * State is keyed by parameter name: two parameters with one name would share it and silently corrupt
     * each other.
     *
     * @throws IllegalArgumentException naming the parameter
     */
    public static void requireDistinctNames(String owner, List<Parameter> parameters) {
        Set<String> seen = new HashSet<>();
        for (Parameter parameter : parameters) {
            if (!seen.add(parameter.name())) {
                throw new IllegalArgumentException(owner + ": two parameters are named '" + parameter.name()
                        + "'; optimizer state is keyed by name, so names must be distinct (e.g. 0.weight, 1.weight)");
            }
        }
    }

    /** A number as a spec would write it: {@code 0}, {@code 0.9}, {@code -1}, {@code inf}. */
    public static String format(double value) {
        return SpecValue.NumberValue.of(value).text();
    }
}
