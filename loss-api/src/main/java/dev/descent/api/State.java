package dev.descent.api;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The state of an optimizer, transform or schedule as named tensors and numbers, so a checkpoint can
 * store it (without Java serialization) and training can resume exactly. Keys are free-form; by
 * convention per-parameter entries are {@code slot/parameterName}, e.g. {@code momentum_buffer/0.weight}.
 *
 * <p>A state owns copies of its tensors: later steps do not change a state already taken.
 */
public final class State {
    private static final State EMPTY = new State(new TreeMap<>(), new TreeMap<>());

    private final Map<String, Tensor> tensors;
    private final Map<String, Double> numbers;

    private State(TreeMap<String, Tensor> tensors, TreeMap<String, Double> numbers) {
        this.tensors = Collections.unmodifiableMap(tensors);
        this.numbers = Collections.unmodifiableMap(numbers);
    }

    public static State empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Sorted by key. The tensors are the state's own: copy before changing one. */
    public Map<String, Tensor> tensors() {
        return tensors;
    }

    /** Sorted by key. */
    public Map<String, Double> numbers() {
        return numbers;
    }

    /** The tensor under {@code key}, or null. */
    public Tensor tensor(String key) {
        return tensors.get(key);
    }

    /** The number under {@code key}, or {@code fallback} when there is none. */
    public double number(String key, double fallback) {
        Double value = numbers.get(key);
        return value == null ? fallback : value;
    }

    public boolean isEmpty() {
        return tensors.isEmpty() && numbers.isEmpty();
    }

    @Override
    public String toString() {
        return "State" + numbers + " tensors=" + tensors.keySet();
    }

    /** Collects entries; {@link #put(String, Tensor)} copies the tensor. */
    public static final class Builder {
        private final TreeMap<String, Tensor> tensors = new TreeMap<>();
        private final TreeMap<String, Double> numbers = new TreeMap<>();

        private Builder() {}

        public Builder put(String key, Tensor tensor) {
            Objects.requireNonNull(key, "key is null");
            tensors.put(key, tensor.copy());
            return this;
        }

        public Builder put(String key, double number) {
            Objects.requireNonNull(key, "key is null");
            numbers.put(key, number);
            return this;
        }

        public State build() {
            return new State(new TreeMap<>(tensors), new TreeMap<>(numbers));
        }
    }
}
