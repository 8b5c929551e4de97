package dev.descent.api;

import static java.util.Objects.requireNonNull;

/**
 * A trainable tensor with its gradient. Back-propagation (or the caller) accumulates into
 * {@link #gradient()}; an {@link Optimizer} reads it and updates {@link #value()} in place.
 *
 * <p>Value and gradient are the same tensors for the parameter's whole life, so optimizer state and
 * kernels may hold on to them. A parameter can be {@linkplain #setFrozen frozen}: the trainer then leaves
 * it out of what the optimizer sees, and it keeps its value.
 */
public final class Parameter {
    private final String name;
    private final Tensor value;
    private final Tensor gradient;
    /** One element, shared by every renamed view of this parameter. */
    private final boolean[] frozen;

    private Parameter(String name, Tensor value, Tensor gradient, boolean[] frozen) {
        this.name = requireNonNull(name, "name is null");
        this.value = requireNonNull(value, "value is null");
        this.gradient = gradient;
        this.frozen = frozen;
    }

    /** A parameter holding {@code value} (not copied), with a zero gradient of the same shape. */
    public static Parameter of(String name, Tensor value) {
        requireNonNull(name, "name is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a parameter name must not be blank");
        }
        return new Parameter(name, value, Tensor.zerosLike(value), new boolean[1]);
    }

    /**
     * The same parameter under another name, sharing value and gradient: a container such as
     * {@code Sequential} names its layers' {@code weight} as {@code 0.weight}.
     */
    public Parameter withName(String newName) {
        if (newName.isBlank()) {
            throw new IllegalArgumentException("a parameter name must not be blank");
        }
        return new Parameter(newName, value, gradient, frozen);
    }

    /** Whether the parameter is frozen: left out of the optimizer's step. Shared with every renamed view. */
    public boolean frozen() {
        return frozen[0];
    }

    /** Freezes or thaws the parameter (and every renamed view of it). */
    public void setFrozen(boolean frozen) {
        this.frozen[0] = frozen;
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
