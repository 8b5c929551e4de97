package dev.descent.api;

import java.util.List;

/** A value in a spec: a number, boolean, string, list, or a nested {@link Spec}. */
public sealed interface SpecValue permits SpecValue.NumberValue, SpecValue.BooleanValue, SpecValue.StringValue,
        SpecValue.ListValue, Spec {

    /** A number as written; {@code text} keeps the spelling, so {@code 5} and {@code 5.0} stay apart. */
    record NumberValue(double value, String text) implements SpecValue {
        public static NumberValue of(double value) {
            return new NumberValue(value, value == Math.rint(value) && Math.abs(value) < 1e15
                    ? Long.toString((long) value)
                    : Double.isNaN(value) ? "nan" : Double.isInfinite(value) ? (value > 0 ? "inf" : "-inf")
                    : Double.toString(value));
        }

        @Override
        public String toString() {
            return text;
        }
    }

    record BooleanValue(boolean value) implements SpecValue {
        @Override
        public String toString() {
            return Boolean.toString(value);
        }
    }

    /** A quoted string. A bare word such as {@code mean} parses as a {@link Spec} without arguments. */
    record StringValue(String value) implements SpecValue {
        @Override
        public String toString() {
            return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
    }

    record ListValue(List<SpecValue> values) implements SpecValue {
        public ListValue {
            values = List.copyOf(values);
        }

        @Override
        public String toString() {
            return values.toString();
        }
    }
}
