package dev.descent.api;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The declaration of one parameter of a component: its name, type, default, valid range and a line of
 * documentation. Instances are immutable; the range methods return a narrowed copy:
 *
 * <pre>{@code
 * ParamSpec.real("lr", 0.001, "learning rate").atLeast(0)
 * ParamSpec.realList("betas", List.of(0.9, 0.999), "decay rates of the moment estimates")
 *         .length(2).atLeast(0).lessThan(1)
 * ParamSpec.integer("step_size", null, "epochs between decays").atLeast(1)   // required: no default
 * }</pre>
 */
public final class ParamSpec {

    /** The value types a spec can carry. */
    public enum Type {
        REAL("number"),
        INTEGER("integer"),
        BOOLEAN("boolean"),
        STRING("string"),
        REAL_LIST("list of numbers"),
        INTEGER_LIST("list of integers"),
        /** A nested spec, such as the inner optimizer of {@code lookahead}. */
        COMPONENT("spec"),
        /** A list of nested specs, such as the schedules of {@code sequential}. */
        COMPONENT_LIST("list of specs");

        private final String description;

        Type(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private final String name;
    private final Type type;
    private final Object defaultValue;
    private final boolean optional;
    private final String doc;
    private final Double lower;
    private final boolean lowerInclusive;
    private final Double upper;
    private final boolean upperInclusive;
    private final List<String> choices;
    private final int length;
    private final Class<?> componentKind;
    private final boolean variadic;
    private final boolean positional;
    private final boolean repeatsSingle;

    private ParamSpec(String name, Type type, Object defaultValue, boolean optional, String doc, Double lower,
            boolean lowerInclusive, Double upper, boolean upperInclusive, List<String> choices, int length,
            Class<?> componentKind, boolean variadic, boolean positional, boolean repeatsSingle) {
        this.name = requireNonNull(name, "name is null");
        this.type = requireNonNull(type, "type is null");
        this.defaultValue = defaultValue;
        this.optional = optional;
        this.doc = requireNonNull(doc, "doc is null");
        this.lower = lower;
        this.lowerInclusive = lowerInclusive;
        this.upper = upper;
        this.upperInclusive = upperInclusive;
        this.choices = List.copyOf(choices);
        this.length = length;
        this.componentKind = componentKind;
        this.variadic = variadic;
        this.positional = positional;
        this.repeatsSingle = repeatsSingle;
    }

    private static ParamSpec of(String name, Type type, Object defaultValue, String doc) {
        return new ParamSpec(name, type, defaultValue, false, doc, null, false, null, false, List.of(), -1, null,
                false, false, false);
    }

    /** A real number; a null default makes it required. */
    public static ParamSpec real(String name, Double defaultValue, String doc) {
        return of(name, Type.REAL, defaultValue, doc);
    }

    /** An integer; a null default makes it required. */
    public static ParamSpec integer(String name, Integer defaultValue, String doc) {
        return of(name, Type.INTEGER, defaultValue, doc);
    }

    public static ParamSpec bool(String name, boolean defaultValue, String doc) {
        return of(name, Type.BOOLEAN, defaultValue, doc);
    }

    /** A free string; a null default makes it required. */
    public static ParamSpec string(String name, String defaultValue, String doc) {
        return of(name, Type.STRING, defaultValue, doc);
    }

    /** One of a fixed set of words, written bare or quoted: {@code reduction=sum}. */
    public static ParamSpec choice(String name, String defaultValue, List<String> choices, String doc) {
        if (defaultValue != null && !choices.contains(defaultValue)) {
            throw new IllegalArgumentException("default '" + defaultValue + "' of " + name + " is not one of " + choices);
        }
        return new ParamSpec(name, Type.STRING, defaultValue, false, doc, null, false, null, false, choices, -1,
                null, false, false, false);
    }

    /** A list of real numbers, such as {@code betas=[0.9, 0.999]}; a null default makes it required. */
    public static ParamSpec realList(String name, List<Double> defaultValue, String doc) {
        return of(name, Type.REAL_LIST, defaultValue == null ? null : List.copyOf(defaultValue), doc);
    }

    /** A list of integers, such as {@code milestones=[30, 80]}; a null default makes it required. */
    public static ParamSpec integerList(String name, List<Integer> defaultValue, String doc) {
        return of(name, Type.INTEGER_LIST, defaultValue == null ? null : List.copyOf(defaultValue), doc);
    }

    /**
     * A nested component of {@code kind} (e.g. {@code Optimizer.class}); the default, if any, is a spec
     * string such as {@code "adam"}.
     */
    public static ParamSpec component(String name, Class<?> kind, String defaultSpec, String doc) {
        Spec parsed = defaultSpec == null ? null : Spec.parse(defaultSpec);
        return new ParamSpec(name, Type.COMPONENT, parsed, false, doc, null, false, null, false, List.of(), -1,
                requireNonNull(kind, "kind is null"), false, false, false);
    }

    /**
     * A list of nested components of {@code kind}, such as {@code schedules=[linear_warmup, cosine_annealing]};
     * a null default makes it required.
     */
    public static ParamSpec componentList(String name, Class<?> kind, List<String> defaultSpecs, String doc) {
        List<Spec> parsed = defaultSpecs == null ? null : defaultSpecs.stream().map(Spec::parse).toList();
        return new ParamSpec(name, Type.COMPONENT_LIST, parsed, false, doc, null, false, null, false, List.of(), -1,
                requireNonNull(kind, "kind is null"), false, false, false);
    }

    /**
     * The list takes the spec's positional arguments, as Python's {@code *args}:
     * {@code chain(clip_grad_norm(max_norm=1), adam)} fills {@code steps} of {@code chain}. At most one
     * parameter of a component may be variadic, and only a list.
     */
    public ParamSpec variadic() {
        requireType(Type.REAL_LIST, Type.INTEGER_LIST, Type.COMPONENT_LIST);
        if (positional) {
            throw new IllegalStateException("parameter " + name + " is positional, so it cannot also be variadic");
        }
        return new ParamSpec(name, type, defaultValue, optional, doc, lower, lowerInclusive, upper, upperInclusive,
                choices, length, componentKind, true, false, repeatsSingle);
    }

    /**
     * The parameter may be given by position as well as by name, as a Python argument before {@code *args}:
     * with {@code out_features} positional, {@code dense(64, activation=relu)} is
     * {@code dense(out_features=64, activation=relu)}. The positional parameters of a component take the
     * positional arguments one each, in declaration order; a {@link #variadic()} one takes those left over,
     * and without one, more positional arguments than positional parameters are refused.
     */
    public ParamSpec positional() {
        if (variadic) {
            throw new IllegalStateException("parameter " + name + " is variadic, so it cannot also be positional");
        }
        return new ParamSpec(name, type, defaultValue, optional, doc, lower, lowerInclusive, upper, upperInclusive,
                choices, length, componentKind, false, true, repeatsSingle);
    }

    /** The value (or each element of a list) must be at least {@code bound}. */
    public ParamSpec atLeast(double bound) {
        return withLower(bound, true);
    }

    /** The value (or each element of a list) must be greater than {@code bound}. */
    public ParamSpec greaterThan(double bound) {
        return withLower(bound, false);
    }

    /** The value (or each element of a list) must be at most {@code bound}. */
    public ParamSpec atMost(double bound) {
        return withUpper(bound, true);
    }

    /** The value (or each element of a list) must be less than {@code bound}. */
    public ParamSpec lessThan(double bound) {
        return withUpper(bound, false);
    }

    /** A list must have exactly {@code size} elements. */
    public ParamSpec length(int size) {
        requireType(Type.REAL_LIST, Type.INTEGER_LIST);
        return new ParamSpec(name, type, defaultValue, optional, doc, lower, lowerInclusive, upper, upperInclusive,
                choices, size, componentKind, variadic, positional, repeatsSingle);
    }

    /**
     * A single number also stands for the list, repeated to its {@link #length}, as PyTorch's {@code _pair}:
     * {@code kernel_size=3} is {@code kernel_size=[3, 3]}. The list must have a fixed length.
     */
    public ParamSpec orSingle() {
        requireType(Type.REAL_LIST, Type.INTEGER_LIST);
        if (length < 1) {
            throw new IllegalStateException("parameter " + name + " must have a fixed length(n) before orSingle()");
        }
        return new ParamSpec(name, type, defaultValue, optional, doc, lower, lowerInclusive, upper, upperInclusive,
                choices, length, componentKind, variadic, positional, true);
    }

    /** The parameter may be left out and then has no value ({@link Params#has} is false). */
    public ParamSpec optional() {
        if (defaultValue != null) {
            throw new IllegalStateException(name + " has a default, so it is never absent");
        }
        return new ParamSpec(name, type, null, true, doc, lower, lowerInclusive, upper, upperInclusive, choices,
                length, componentKind, variadic, positional, repeatsSingle);
    }

    private ParamSpec withLower(double bound, boolean inclusive) {
        requireType(Type.REAL, Type.INTEGER, Type.REAL_LIST, Type.INTEGER_LIST);
        return new ParamSpec(name, type, defaultValue, optional, doc, bound, inclusive, upper, upperInclusive,
                choices, length, componentKind, variadic, positional, repeatsSingle);
    }

    private ParamSpec withUpper(double bound, boolean inclusive) {
        requireType(Type.REAL, Type.INTEGER, Type.REAL_LIST, Type.INTEGER_LIST);
        return new ParamSpec(name, type, defaultValue, optional, doc, lower, lowerInclusive, bound, inclusive,
                choices, length, componentKind, variadic, positional, repeatsSingle);
    }

    private void requireType(Type... allowed) {
        for (Type candidate : allowed) {
            if (type == candidate) {
                return;
            }
        }
        throw new IllegalStateException("parameter " + name + " of type " + type + " takes no such constraint");
    }

    public String name() {
        return name;
    }

    public Type type() {
        return type;
    }

    /**
     * The default: a {@code Double}, {@code Integer}, {@code Boolean}, {@code String}, {@code List<Double>},
     * {@code List<Integer>}, {@link Spec} or {@code List<Spec>} by type; null when the parameter is required or optional.
     */
    public Object defaultValue() {
        return defaultValue;
    }

    /** Whether a value must be given: no default and not {@link #optional()}. */
    public boolean isRequired() {
        return defaultValue == null && !optional;
    }

    public boolean isOptional() {
        return optional;
    }

    public String doc() {
        return doc;
    }

    /** The words a string parameter accepts; empty for a free string. */
    public List<String> choices() {
        return choices;
    }

    /** The required length of a list, or -1 for any length. */
    public int length() {
        return length;
    }

    /** Whether a single number stands for the list, repeated to its length ({@link #orSingle()}). */
    public boolean repeatsSingle() {
        return repeatsSingle;
    }

    /** Whether the parameter takes the positional arguments ({@link #variadic()}). */
    public boolean isVariadic() {
        return variadic;
    }

    /** Whether the parameter may take one positional argument ({@link #positional()}). */
    public boolean isPositional() {
        return positional;
    }

    /** The kind of a {@link Type#COMPONENT} or {@link Type#COMPONENT_LIST} parameter, otherwise null. */
    public Class<?> componentKind() {
        return componentKind;
    }

    /** Whether {@code value} lies in the declared range. */
    public boolean inRange(double value) {
        if (lower != null && !(lowerInclusive ? value >= lower : value > lower)) {
            return false;
        }
        return upper == null || (upperInclusive ? value <= upper : value < upper);
    }

    /** The range in words: {@code >= 0}, {@code in [0, 1)}, or empty when any value goes. */
    public String rangeText() {
        if (lower != null && upper != null) {
            return "in " + (lowerInclusive ? "[" : "(") + number(lower) + ", " + number(upper)
                    + (upperInclusive ? "]" : ")");
        }
        if (lower != null) {
            return (lowerInclusive ? ">= " : "> ") + number(lower);
        }
        if (upper != null) {
            return (upperInclusive ? "<= " : "< ") + number(upper);
        }
        return "";
    }

    /** The type in words: {@code number}, {@code list of 2 numbers}, {@code one of mean, sum, none}. */
    public String typeText() {
        if (!choices.isEmpty()) {
            return "one of " + String.join(", ", choices);
        }
        if (repeatsSingle) {
            String element = type == Type.REAL_LIST ? "number" : "integer";
            return element + " or list of " + length + " " + element + "s";
        }
        if (length >= 0) {
            return "list of " + length + (type == Type.REAL_LIST ? " numbers" : " integers");
        }
        if (type == Type.COMPONENT) {
            return kindWord() + " spec";
        }
        if (type == Type.COMPONENT_LIST) {
            return "list of " + kindWord() + " specs";
        }
        return type.description();
    }

    /** {@code optimizer}, {@code schedule}, {@code gradient transform}: the component kind in words. */
    private String kindWord() {
        return componentKind.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }

    /** The default as it would be written in a spec, {@code required}, or {@code none} when optional. */
    public String defaultText() {
        if (defaultValue == null) {
            return optional ? "none" : "required";
        }
        return format(defaultValue);
    }

    /** A resolved value as it would be written in a spec. */
    static String format(Object value) {
        if (value instanceof Double d) {
            return number(d);
        }
        if (value instanceof String text && !SpecParser.isPlainWord(text)) {
            return new SpecValue.StringValue(text).toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ParamSpec::format).collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(value);
    }

    private static String number(double value) {
        return SpecValue.NumberValue.of(value).text();
    }

    @Override
    public String toString() {
        String range = rangeText();
        return name + " (" + typeText() + (range.isEmpty() ? "" : ", " + range) + ", default " + defaultText()
                + "): " + doc;
    }
}
