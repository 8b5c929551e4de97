package dev.descent.optim;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Parameter;
import dev.descent.api.Shapes;
import dev.descent.api.State;
import dev.descent.api.Tensor;
import java.util.HashMap;
import java.util.Map;

/**
 * One kind of per-parameter optimizer state, such as SGD's momentum buffer, keyed by parameter name.
 * In a {@link State} each buffer is stored under {@code slot/parameter name}, e.g.
 * {@code momentum_buffer/0.weight}, with the slot named as PyTorch's optimizer state names it. Public for the
 * gradient transforms of {@code dev.descent.optim.transform}, which keep per-parameter state the same way.
 */
public final class Slot {
    private final String name;
    private final String prefix;
    private final Map<String, Tensor> buffers = new HashMap<>();

    public Slot(String name) {
        this.name = requireNonNull(name, "name is null");
        this.prefix = name + "/";
    }

    /**
     * The buffer of {@code parameter}, or null before its first step.
     *
     * @throws IllegalArgumentException if a loaded buffer does not have the parameter's shape
     */
    public Tensor get(Parameter parameter) {
        Tensor buffer = buffers.get(parameter.name());
        if (buffer != null && !buffer.hasShape(parameter.value().shape())) {
            throw new IllegalArgumentException("state '" + prefix + parameter.name() + "' has shape "
                    + Shapes.toString(buffer.shape()) + " but parameter '" + parameter.name() + "' has shape "
                    + Shapes.toString(parameter.value().shape()) + "; was the state taken from another model?");
        }
        return buffer;
    }

    /** A new zero buffer for {@code parameter}, kept from now on. */
    public Tensor create(Parameter parameter) {
        Tensor buffer = Tensor.zerosLike(parameter.value());
        buffers.put(parameter.name(), buffer);
        return buffer;
    }

    /** Whether {@code key} of a {@link State} names one of this slot's buffers. */
    public boolean holds(String key) {
        return key.startsWith(prefix) && key.length() > prefix.length();
    }

    /** The key form, for messages: {@code momentum_buffer/<parameter name>}. */
    public String keyPattern() {
        return prefix + "<parameter name>";
    }

    /** Adds every buffer to {@code state} (the builder copies them). */
    public void saveTo(State.Builder state) {
        buffers.forEach((parameter, buffer) -> state.put(prefix + parameter, buffer));
    }

    /** Replaces every buffer with a copy of those {@code state} holds for this slot. */
    public void loadFrom(State state) {
        buffers.clear();
        state.tensors().forEach((key, buffer) -> {
            if (holds(key)) {
                buffers.put(key.substring(prefix.length()), buffer.copy());
            }
        });
    }

    @Override
    public String toString() {
        return "Slot " + name + buffers.keySet();
    }
}
