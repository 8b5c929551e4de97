package org.acme.descent.adabelief;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Parameter;
import dev.descent.api.Shapes;
import dev.descent.api.State;
import dev.descent.api.Tensor;
import java.util.HashMap;
import java.util.Map;

/**
 * One kind of per-parameter optimizer state, such as AdaBelief's first moment, keyed by parameter name.
 * In a {@link State} each buffer is stored under {@code slot/parameter name}, e.g. {@code exp_avg/0.weight},
 * with the slot named as the reference implementation names it.
 */
final class Slot {
    private final String owner;
    private final String prefix;
    private final Map<String, Tensor> buffers = new HashMap<>();

    Slot(String owner, String name) {
        this.owner = requireNonNull(owner, "owner is null");
        this.prefix = requireNonNull(name, "name is null") + "/";
    }

    /**
     * The buffer of {@code parameter}, created as zeros on first use.
     *
     * @throws IllegalArgumentException if a loaded buffer does not have the parameter's shape
     */
    Tensor of(Parameter parameter) {
        Tensor buffer = buffers.get(parameter.name());
        if (buffer == null) {
            buffer = Tensor.zerosLike(parameter.value());
            buffers.put(parameter.name(), buffer);
        } else if (!buffer.hasShape(parameter.value().shape())) {
            throw new IllegalArgumentException(owner + ": state '" + prefix + parameter.name() + "' has shape "
                    + Shapes.toString(buffer.shape()) + " but parameter '" + parameter.name() + "' has shape "
                    + Shapes.toString(parameter.value().shape()) + "; was the state taken from another model?");
        }
        return buffer;
    }

    /** Whether {@code key} of a {@link State} names one of this slot's buffers. */
    boolean holds(String key) {
        return key.startsWith(prefix) && key.length() > prefix.length();
    }

    /** The key form, for messages: {@code exp_avg/<parameter name>}. */
    String keyPattern() {
        return prefix + "<parameter name>";
    }

    /** Adds every buffer to {@code state} (the builder copies them). */
    void saveTo(State.Builder state) {
        buffers.forEach((parameter, buffer) -> state.put(prefix + parameter, buffer));
    }

    /** Replaces every buffer with a copy of those {@code state} holds for this slot. */
    void loadFrom(State state) {
        buffers.clear();
        state.tensors().forEach((key, buffer) -> {
            if (holds(key)) {
                buffers.put(key.substring(prefix.length()), buffer.copy());
            }
        });
    }
}
