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

    /**
     * The entries of a part nested with {@link Builder#putAll(String, State)}, the prefix and its {@code /}
     * removed: {@code under("inner")} of {@code inner/exp_avg/0.weight} is {@code exp_avg/0.weight}.
     */
    public State under(String prefix) {
        String start = requirePrefix(prefix) + "/";
        TreeMap<String, Tensor> nestedTensors = new TreeMap<>();
        tensors.forEach((key, tensor) -> {
            if (key.startsWith(start)) {
                nestedTensors.put(key.substring(start.length()), tensor);
            }
        });
        TreeMap<String, Double> nestedNumbers = new TreeMap<>();
        numbers.forEach((key, number) -> {
            if (key.startsWith(start)) {
                nestedNumbers.put(key.substring(start.length()), number);
            }
        });
        return new State(nestedTensors, nestedNumbers);
    }

    /** The entries not under any of {@code prefixes}: what a composite keeps for itself. */
    public State without(java.util.Collection<String> prefixes) {
        java.util.function.Predicate<String> nested =
                key -> prefixes.stream().anyMatch(prefix -> key.startsWith(requirePrefix(prefix) + "/"));
        TreeMap<String, Tensor> ownTensors = new TreeMap<>(tensors);
        ownTensors.keySet().removeIf(nested);
        TreeMap<String, Double> ownNumbers = new TreeMap<>(numbers);
        ownNumbers.keySet().removeIf(nested);
        return new State(ownTensors, ownNumbers);
    }

    private static String requirePrefix(String prefix) {
        Objects.requireNonNull(prefix, "prefix is null");
        if (prefix.isEmpty() || prefix.contains("/")) {
            throw new IllegalArgumentException("a state prefix must be non-empty and without '/', got '" + prefix + "'");
        }
        return prefix;
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

        /**
         * Nests {@code part} (the state of a component inside a composite, such as lookahead's inner optimizer)
         * under {@code prefix}: each key {@code k} becomes {@code prefix/k}; {@link State#under} reads it back.
         */
        public Builder putAll(String prefix, State part) {
            String start = requirePrefix(prefix) + "/";
            part.tensors().forEach((key, tensor) -> tensors.put(start + key, tensor));
            part.numbers().forEach((key, number) -> numbers.put(start + key, number));
            return this;
        }

        public State build() {
            return new State(new TreeMap<>(tensors), new TreeMap<>(numbers));
        }
    }
}
