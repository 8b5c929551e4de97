package dev.descent.api;

import static java.util.Objects.requireNonNull;

/**
 * A trainable tensor with its gradient. Back-propagation (or the caller) accumulates into
 * {@link #gradient()}; an {@link Optimizer} reads it and updates {@link #value()} in place.
 */
public final class Parameter {
    private final String name;
    private final Tensor value;
    private final Tensor gradient;

    private Parameter(String name, Tensor value, Tensor gradient) {
        this.name = requireNonNull(name, "name is null");
        this.value = requireNonNull(value, "value is null");
        this.gradient = gradient;
    }

    /** A parameter holding {@code value} (not copied), with a zero gradient of the same shape. */
    public static Parameter of(String name, Tensor value) {
        requireNonNull(name, "name is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a parameter name must not be blank");
        }
        return new Parameter(name, value, Tensor.zerosLike(value));
    }

    /**
     * The same parameter under another name, sharing value and gradient: a container such as
     * {@code Sequential} names its layers' {@code weight} as {@code 0.weight}.
     */
    public Parameter withName(String newName) {
        if (newName.isBlank()) {
            throw new IllegalArgumentException("a parameter name must not be blank");
        }
        return new Parameter(newName, value, gradient);
    }

    /** Unique within a model, e.g. {@code 0.weight}; optimizer state is keyed by it. */
    public String name() {
        return name;
    }

    public Tensor value() {
        return value;
    }

    /** Same shape as {@link #value()}. */
    public Tensor gradient() {
        return gradient;
    }

    public void zeroGradient() {
        gradient.fill(0f);
    }

    @Override
    public String toString() {
        return "Parameter " + name + Shapes.toString(value.shape());
    }
}
