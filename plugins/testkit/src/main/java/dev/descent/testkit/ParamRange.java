package dev.descent.testkit;

import dev.descent.api.ParamSpec;
import dev.descent.api.SpecValue;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bounds of a numeric {@link ParamSpec}, read back from {@link ParamSpec#rangeText()} (the API does
 * not expose them otherwise) and checked against {@link ParamSpec#inRange}; with them, a value valid for
 * a required parameter and values just outside the range.
 *
 * @param lower the lower bound, or null
 * @param lowerInclusive whether the lower bound itself is valid
 * @param upper the upper bound, or null
 * @param upperInclusive whether the upper bound itself is valid
 */
record ParamRange(Double lower, boolean lowerInclusive, Double upper, boolean upperInclusive) {
    private static final Pattern BOTH = Pattern.compile("in ([\\[(])(\\S+), (\\S+)([\\])])");
    private static final Pattern ONE = Pattern.compile("(>=|>|<=|<) (\\S+)");
    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /**
     * The range {@code spec} declares.
     *
     * @throws IllegalStateException if its range text cannot be read or disagrees with {@code inRange}
     */
    static ParamRange of(ParamSpec spec) {
        String text = spec.rangeText();
        ParamRange range;
        Matcher both = BOTH.matcher(text);
        Matcher one = ONE.matcher(text);
        if (text.isEmpty()) {
            range = new ParamRange(null, false, null, false);
        } else if (both.matches()) {
            range = new ParamRange(parse(both.group(2), text), both.group(1).equals("["), parse(both.group(3), text),
                    both.group(4).equals("]"));
        } else if (one.matches()) {
            double bound = parse(one.group(2), text);
            range = switch (one.group(1)) {
                case ">=" -> new ParamRange(bound, true, null, false);
                case ">" -> new ParamRange(bound, false, null, false);
                case "<=" -> new ParamRange(null, false, bound, true);
                default -> new ParamRange(null, false, bound, false);
            };
        } else {
            throw new IllegalStateException("cannot read the range '" + text + "' of parameter '" + spec.name() + "'");
        }
        if ((range.lower != null && spec.inRange(range.lower) != range.lowerInclusive)
                || (range.upper != null && spec.inRange(range.upper) != range.upperInclusive)) {
            throw new IllegalStateException("the range '" + text + "' of parameter '" + spec.name()
                    + "' disagrees with its inRange");
        }
        return range;
    }

    private static double parse(String number, String text) {
        return switch (number) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            case "nan" -> Double.NaN;
            default -> {
                try {
                    yield Double.parseDouble(number);
                } catch (NumberFormatException e) {
                    throw new IllegalStateException("cannot read the bound '" + number + "' of the range '" + text + "'");
                }
            }
        };
    }

    static boolean isNumeric(ParamSpec spec) {
        return switch (spec.type()) {
            case REAL, INTEGER, REAL_LIST, INTEGER_LIST -> true;
            default -> false;
        };
    }

    static boolean isInteger(ParamSpec spec) {
        return spec.type() == ParamSpec.Type.INTEGER || spec.type() == ParamSpec.Type.INTEGER_LIST;
    }

    private boolean finiteLower() {
        return lower != null && Double.isFinite(lower);
    }

    private boolean finiteUpper() {
        return upper != null && Double.isFinite(upper);
    }

    /** Values just below and just above the range, as far as it is bounded; each fails {@code inRange}. */
    List<Double> outside(ParamSpec spec) {
        boolean integer = isInteger(spec);
        List<Double> values = new ArrayList<>();
        if (finiteLower()) {
            double below = integer ? (lowerInclusive ? Math.ceil(lower) - 1 : Math.floor(lower))
                    : (lowerInclusive ? lower - 1e-3 * Math.max(1, Math.abs(lower)) : lower);
            values.add(below);
        }
        if (finiteUpper()) {
            double above = integer ? (upperInclusive ? Math.floor(upper) + 1 : Math.ceil(upper))
                    : (upperInclusive ? upper + 1e-3 * Math.max(1, Math.abs(upper)) : upper);
            values.add(above);
        }
        values.removeIf(spec::inRange);
        return values;
    }

    /**
     * A value inside the range, near 3 for an integer and 0.5 for a number where the range allows:
     * what {@link ContractChecks#defaultSpec} gives a required parameter.
     */
    double sample(ParamSpec spec) {
        boolean integer = isInteger(spec);
        double value = integer ? 3 : 0.5;
        if (finiteLower() && !spec.inRange(value) && value <= lower) {
            value = finiteUpper() ? (lower + upper) / 2 : lower + 1;
        } else if (finiteUpper() && !spec.inRange(value) && value >= upper) {
            value = finiteLower() ? (lower + upper) / 2 : upper - 1;
        }
        if (integer) {
            double rounded = Math.rint(value);
            for (double candidate : new double[] {rounded, Math.floor(value), Math.ceil(value)}) {
                if (spec.inRange(candidate)) {
                    return candidate;
                }
            }
        }
        return value;
    }

    /** {@code value} as a spec value of the parameter's type: a number, or a list of it. */
    static SpecValue specValue(ParamSpec spec, double value) {
        SpecValue number = SpecValue.NumberValue.of(value);
        if (spec.type() == ParamSpec.Type.REAL_LIST || spec.type() == ParamSpec.Type.INTEGER_LIST) {
            int length = spec.length() >= 0 ? spec.length() : 1;
            List<SpecValue> values = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                values.add(number);
            }
            return new SpecValue.ListValue(values);
        }
        return number;
    }

    /** A word as a spec value: bare when it can be, quoted otherwise. */
    static SpecValue word(String text) {
        return PLAIN_WORD.matcher(text).matches() && !List.of("true", "false", "inf", "nan").contains(text)
                ? dev.descent.api.Spec.of(text)
                : new SpecValue.StringValue(text);
    }
}
