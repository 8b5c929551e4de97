package dev.descent.api;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The validated parameters of one component: every declared {@link ParamSpec}, with the given values
 * converted to their types and defaults filled in. {@link #resolve} rejects an unknown parameter, a
 * wrong type, a value out of range or a missing required one, naming the parameter and listing the
 * valid ones.
 */
public final class Params {
    private final String owner;
    private final Map<String, ParamSpec> specs;
    private final Map<String, Object> values;
    private final ComponentResolver resolver;

    private Params(String owner, Map<String, ParamSpec> specs, Map<String, Object> values,
            ComponentResolver resolver) {
        this.owner = owner;
        this.specs = specs;
        this.values = values;
        this.resolver = resolver;
    }

    /**
     * Validates {@code given} against {@code specs}.
     *
     * @param owner the component in words, for messages: {@code optimizer 'sgd'}
     * @param resolver builds nested components ({@link ParamSpec.Type#COMPONENT})
     * @throws InvalidParameterException naming the parameter and what would be valid
     */
    public static Params resolve(String owner, List<ParamSpec> specs, Map<String, SpecValue> given,
            ComponentResolver resolver) {
        requireNonNull(owner, "owner is null");
        Map<String, ParamSpec> byName = new LinkedHashMap<>();
        for (ParamSpec spec : specs) {
            if (byName.put(spec.name(), spec) != null) {
                throw new IllegalStateException(owner + " declares parameter '" + spec.name() + "' twice");
            }
        }
        given = bindPositional(owner, byName, given);
        for (String name : given.keySet()) {
            if (!byName.containsKey(name)) {
                throw new InvalidParameterException(name, "unknown parameter '" + name + "' for " + owner
                        + Suggestions.didYouMean(name, byName.keySet()) + validList(byName));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParamSpec spec : byName.values()) {
            SpecValue value = given.get(spec.name());
            if (value != null) {
                values.put(spec.name(), convert(owner, spec, value));
            } else if (spec.defaultValue() != null) {
                values.put(spec.name(), spec.defaultValue());
            } else if (spec.isRequired()) {
                String range = spec.rangeText();
                throw new InvalidParameterException(spec.name(), "parameter '" + spec.name() + "' of " + owner
                        + " is required (" + spec.typeText() + (range.isEmpty() ? "" : " " + range) + ")");
            }
        }
        return new Params(owner, Collections.unmodifiableMap(byName), Collections.unmodifiableMap(values),
                requireNonNull(resolver, "resolver is null"));
    }

    /**
     * Binds the positional arguments (keyed {@code "0"}, {@code "1"}, … by {@link SpecParser}) to names: the
     * {@link ParamSpec#positional() positional} parameters take one each, in declaration order, and the
     * {@link ParamSpec#variadic() variadic} one, if any, takes the rest as a list. A component without either
     * takes none, so that {@code adam(0.1)} is refused rather than guessed.
     */
    private static Map<String, SpecValue> bindPositional(String owner, Map<String, ParamSpec> byName,
            Map<String, SpecValue> given) {
        List<SpecValue> positional = given.entrySet().stream().filter(entry -> Spec.isPositional(entry.getKey()))
                .map(Map.Entry::getValue).toList();
        List<ParamSpec> variadic = byName.values().stream().filter(ParamSpec::isVariadic).toList();
        if (variadic.size() > 1) {
            throw new IllegalStateException(owner + " declares more than one variadic parameter: " + variadic);
        }
        if (positional.isEmpty()) {
            return given;
        }
        List<ParamSpec> byPosition = byName.values().stream().filter(ParamSpec::isPositional).toList();
        if (variadic.isEmpty() && positional.size() > byPosition.size()) {
            SpecValue extra = positional.get(byPosition.size());
            if (byPosition.isEmpty()) {
                throw new InvalidParameterException(extra.toString(), owner + " takes no positional"
                        + " arguments, got " + extra + "; write name=value" + validList(byName));
            }
            List<String> names = byPosition.stream().map(ParamSpec::name).toList();
            throw new InvalidParameterException(extra.toString(), owner + " takes " + byPosition.size()
                    + " positional argument" + (byPosition.size() == 1 ? "" : "s") + " (" + String.join(", ", names)
                    + "), got " + positional.size() + "; write the others as name=value" + validList(byName));
        }
        Map<String, SpecValue> bound = new LinkedHashMap<>();
        int taken = Math.min(positional.size(), byPosition.size());
        for (int i = 0; i < taken; i++) {
            bound.put(byPosition.get(i).name(), positional.get(i));
        }
        if (positional.size() > taken) {
            bound.put(variadic.get(0).name(), new SpecValue.ListValue(positional.subList(taken, positional.size())));
        }
        for (Map.Entry<String, SpecValue> entry : given.entrySet()) {
            if (!Spec.isPositional(entry.getKey()) && bound.putIfAbsent(entry.getKey(), entry.getValue()) != null) {
                throw new InvalidParameterException(entry.getKey(), "parameter '" + entry.getKey() + "' of " + owner
                        + " is given both by position and by name");
            }
        }
        return bound;
    }

    /** Every parameter at its default. */
    public static Params defaults(String owner, List<ParamSpec> specs) {
        return resolve(owner, specs, Map.of(), ComponentResolver.NONE);
    }

    private static String validList(Map<String, ParamSpec> byName) {
        return byName.isEmpty() ? "; it takes no parameters" : "; valid parameters: " + String.join(", ", byName.keySet());
    }

    private static Object convert(String owner, ParamSpec spec, SpecValue value) {
        switch (spec.type()) {
            case REAL:
                return checkRange(owner, spec, number(owner, spec, value, spec.typeText()), value);
            case INTEGER:
                return (int) checkRange(owner, spec, integer(owner, spec, value, spec.typeText()), value);
            case BOOLEAN:
                if (value instanceof SpecValue.BooleanValue b) {
                    return b.value();
                }
                throw wrongType(owner, spec, value, "true or false");
            case STRING:
                return string(owner, spec, value);
            case REAL_LIST:
            case INTEGER_LIST:
                return list(owner, spec, value);
            case COMPONENT:
                return nestedSpec(owner, spec, value);
            case COMPONENT_LIST:
                if (!(value instanceof SpecValue.ListValue list)) {
                    throw wrongType(owner, spec, value, spec.typeText() + ", e.g. [a, b(x=1)]");
                }
                List<Spec> specs = new ArrayList<>();
                for (SpecValue element : list.values()) {
                    specs.add(nestedSpec(owner, spec, element));
                }
                return Collections.unmodifiableList(specs);
            default:
                throw new AssertionError(spec.type());
        }
    }

    /** A nested spec, written as one or quoted: {@code inner=adam(lr=0.1)} or {@code inner='adam(lr=0.1)'}. */
    private static Spec nestedSpec(String owner, ParamSpec spec, SpecValue value) {
        if (value instanceof Spec nested) {
            return nested;
        }
        if (value instanceof SpecValue.StringValue s) {
            try {
                return Spec.parse(s.value());
            } catch (InvalidSpecException e) {
                throw new InvalidParameterException(spec.name(), "parameter '" + spec.name() + "' of " + owner
                        + ": " + e.getMessage());
            }
        }
        String expected = spec.type() == ParamSpec.Type.COMPONENT ? spec.typeText() : "spec in " + spec.typeText();
        throw wrongType(owner, spec, value, expected);
    }

    private static double number(String owner, ParamSpec spec, SpecValue value, String expected) {
        if (value instanceof SpecValue.NumberValue n) {
            return n.value();
        }
        throw wrongType(owner, spec, value, expected);
    }

    private static double integer(String owner, ParamSpec spec, SpecValue value, String expected) {
        double number = number(owner, spec, value, expected);
        if (number != Math.rint(number) || Math.abs(number) > Integer.MAX_VALUE) {
            throw wrongType(owner, spec, value, expected);
        }
        return number;
    }

    private static double checkRange(String owner, ParamSpec spec, double number, SpecValue written) {
        if (!spec.inRange(number)) {
            throw new InvalidParameterException(spec.name(), "parameter '" + spec.name() + "' of " + owner
                    + " must be " + spec.rangeText() + ", got " + written);
        }
        return number;
    }

    private static String string(String owner, ParamSpec spec, SpecValue value) {
        String text;
        if (value instanceof SpecValue.StringValue s) {
            text = s.value();
        } else if (value instanceof Spec word && word.isBareWord()) {
            text = word.name();
        } else if (value instanceof SpecValue.BooleanValue b && spec.choices().contains(String.valueOf(b.value()))) {
            // The grammar reads a bare true or false as a boolean; for a choice such as scikit-learn's
            // normalize=true it is the word.
            text = String.valueOf(b.value());
        } else {
            throw wrongType(owner, spec, value, spec.typeText());
        }
        if (!spec.choices().isEmpty() && !spec.choices().contains(text)) {
            throw new InvalidParameterException(spec.name(), "parameter '" + spec.name() + "' of " + owner
                    + " must be " + spec.typeText() + ", got '" + text + "'"
                    + Suggestions.didYouMean(text, spec.choices()));
        }
        return text;
    }

    private static List<?> list(String owner, ParamSpec spec, SpecValue value) {
        // A single number, where allowed, is the list of that number repeated; messages quote it as written.
        boolean single = spec.repeatsSingle() && value instanceof SpecValue.NumberValue;
        if (single) {
            value = new SpecValue.ListValue(Collections.nCopies(spec.length(), value));
        }
        if (!(value instanceof SpecValue.ListValue list)) {
            throw wrongType(owner, spec, value, spec.typeText() + ", e.g. [1, 2]");
        }
        if (spec.length() >= 0 && list.values().size() != spec.length()) {
            throw new InvalidParameterException(spec.name(), "parameter '" + spec.name() + "' of " + owner
                    + " must be " + article(spec.typeText()) + ", got " + list.values().size() + ": " + value);
        }
        boolean integers = spec.type() == ParamSpec.Type.INTEGER_LIST;
        String elementType = integers ? "integer" : "number";
        List<Object> converted = new ArrayList<>();
        for (SpecValue element : list.values()) {
            double number = integers ? integer(owner, spec, element, "list of integers")
                    : number(owner, spec, element, "list of numbers");
            if (!spec.inRange(number)) {
                throw new InvalidParameterException(spec.name(), "parameter '" + spec.name() + "' of " + owner
                        + " must hold " + elementType + "s " + spec.rangeText() + ", got " + element
                        + (single ? "" : " in " + value));
            }
            converted.add(integers ? (Object) (int) number : (Object) number);
        }
        return Collections.unmodifiableList(converted);
    }

    private static InvalidParameterException wrongType(String owner, ParamSpec spec, SpecValue value,
            String expected) {
        return new InvalidParameterException(spec.name(), "parameter '" + spec.name() + "' of " + owner
                + " must be " + article(expected) + ", got " + value);
    }

    private static String article(String expected) {
        if (expected.startsWith("one of") || expected.startsWith("true")) {
            return expected;
        }
        return ("aeiou".indexOf(expected.charAt(0)) >= 0 ? "an " : "a ") + expected;
    }

    /** The component these parameters belong to, in words: {@code optimizer 'sgd'}. */
    public String owner() {
        return owner;
    }

    /** Whether the parameter has a value: always, except an {@link ParamSpec#optional() optional} one left out. */
    public boolean has(String name) {
        spec(name);
        return values.containsKey(name);
    }

    public double real(String name) {
        return (Double) get(name, ParamSpec.Type.REAL);
    }

    public int integer(String name) {
        return (Integer) get(name, ParamSpec.Type.INTEGER);
    }

    public boolean bool(String name) {
        return (Boolean) get(name, ParamSpec.Type.BOOLEAN);
    }

    public String string(String name) {
        return (String) get(name, ParamSpec.Type.STRING);
    }

    public double[] reals(String name) {
        return ((List<?>) get(name, ParamSpec.Type.REAL_LIST)).stream().mapToDouble(v -> (Double) v).toArray();
    }

    public int[] integers(String name) {
        return ((List<?>) get(name, ParamSpec.Type.INTEGER_LIST)).stream().mapToInt(v -> (Integer) v).toArray();
    }

    /** The nested spec of a {@link ParamSpec.Type#COMPONENT} parameter. */
    public Spec componentSpec(String name) {
        return (Spec) get(name, ParamSpec.Type.COMPONENT);
    }

    /** Creates the nested component of a {@link ParamSpec.Type#COMPONENT} parameter through the host. */
    public <T> T component(String name, Class<T> kind) {
        return resolver.create(kind, componentSpec(name));
    }

    /** The nested specs of a {@link ParamSpec.Type#COMPONENT_LIST} parameter, in order. */
    @SuppressWarnings("unchecked")
    public List<Spec> componentSpecs(String name) {
        return (List<Spec>) get(name, ParamSpec.Type.COMPONENT_LIST);
    }

    /** Creates each nested component of a {@link ParamSpec.Type#COMPONENT_LIST} parameter through the host. */
    public <T> List<T> components(String name, Class<T> kind) {
        return componentSpecs(name).stream().map(spec -> resolver.create(kind, spec)).toList();
    }

    /**
     * Creates a nested spec as a component of {@code kind} through the host: for a provider whose nested
     * specs are of more than one kind, such as {@code chain}, whose last step is an optimizer.
     */
    public <T> T create(Class<T> kind, Spec spec) {
        return resolver.create(kind, requireNonNull(spec, "spec is null"));
    }

    /** The resolved values in declaration order, as {@link ParamSpec#defaultValue()} types them. */
    public Map<String, Object> values() {
        return values;
    }

    private Object get(String name, ParamSpec.Type type) {
        ParamSpec spec = spec(name);
        if (spec.type() != type) {
            throw new IllegalStateException(owner + ": parameter '" + name + "' is a " + spec.type()
                    + ", not a " + type);
        }
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalStateException(owner + ": optional parameter '" + name + "' has no value; check has()");
        }
        return value;
    }

    private ParamSpec spec(String name) {
        ParamSpec spec = specs.get(name);
        if (spec == null) {
            throw new IllegalStateException(owner + " declares no parameter '" + name + "'");
        }
        return spec;
    }

    /** {@code lr=0.01, momentum=0}: the resolved values as a spec would write them. */
    @Override
    public String toString() {
        return values.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + ParamSpec.format(entry.getValue()))
                .collect(Collectors.joining(", "));
    }
}
