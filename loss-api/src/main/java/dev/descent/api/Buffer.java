package dev.descent.api;

import static java.util.Objects.requireNonNull;

/**
 * A named tensor that is part of a layer's state but not trained: batch norm's running mean and variance.
 * Saved and loaded with the model's parameters; the optimizer never sees it. The layer updates
 * {@link #value()} in place, so the tensor is the same for the layer's whole life.
 */
public final class Buffer {
    private final String name;
    private final Tensor value;

    private Buffer(String name, Tensor value) {
        this.name = requireNonNull(name, "name is null");
        this.value = requireNonNull(value, "value is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a buffer name must not be blank");
        }
    }

    /** A buffer holding {@code value} (not copied). */
    public static Buffer of(String name, Tensor value) {
        return new Buffer(name, value);
    }

    /** The same buffer under a qualified name, sharing the tensor: {@code running_mean} as {@code 3.running_mean}. */
    public Buffer withName(String newName) {
        return new Buffer(newName, value);
    }

    public String name() {
        return name;
    }

    public Tensor value() {
        return value;
    }

    @Override
    public String toString() {
        return "Buffer " + name + Shapes.toString(value.shapeView());
    }
}
