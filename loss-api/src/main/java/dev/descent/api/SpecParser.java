package dev.descent.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the spec grammar, a small recursive-descent parser that reports the column of an error.
 *
 * <pre>
 * spec     = name [ "(" [ argument { "," argument } ] ")" ]
 * name     = word [ ":" word ]                  e.g. adam, acme:focal
 * argument = [ word "=" ] value               positional ones first: chain(clip_grad_norm, adam)
 * value    = number | "true" | "false" | string | list | spec
 * number   = [+-] digits [ "." digits ] [ (e|E) [+-] digits ] | [+-] "inf" | "nan"
 * string   = "'" chars "'" | '"' chars '"'      with \ escaping the quote or \
 * list     = "[" [ value { "," value } "]"
 * word     = letter or _ then letters, digits, _, - or .
 * </pre>
 *
 * Whitespace may stand between any two tokens, but not inside a qualified name ({@code acme:focal}).
 */
public final class SpecParser {
    private final String text;
    private int position;

    private SpecParser(String text) {
        this.text = text;
    }

    /**
     * Parses a whole spec.
     *
     * @throws InvalidSpecException quoting the spec and the column where it goes wrong
     */
    public static Spec parse(String text) {
        java.util.Objects.requireNonNull(text, "spec is null");
        SpecParser parser = new SpecParser(text);
        parser.skipSpace();
        if (parser.atEnd()) {
            throw parser.error("expected a name");
        }
        Spec spec = parser.spec();
        parser.skipSpace();
        if (!parser.atEnd()) {
            throw parser.error("unexpected '" + parser.peek() + "'");
        }
        return spec;
    }

    private Spec spec() {
        String first = word("a name");
        String namespace = null;
        String name = first;
        if (peekIs(':')) {
            position++;
            namespace = first;
            name = word("a name after ':'");
        }
        skipSpace();
        Map<String, SpecValue> arguments = new LinkedHashMap<>();
        if (peekIs('(')) {
            position++;
            skipSpace();
            if (peekIs(')')) {
                position++;
            } else {
                int positional = 0;
                while (true) {
                    skipSpace();
                    if (atEnd() || peekIs(')') || peekIs(',') || peekIs('=')) {
                        throw error("expected a parameter name" + (positional == arguments.size() ? " or a value" : "")
                                + (atEnd() ? "" : " but found '" + peek() + "'"));
                    }
                    int keyColumn = position;
                    String key = namedArgument();
                    boolean bareWord = false;
                    if (key == null) {
                        if (positional < arguments.size()) {
                            throw error("expected a parameter name: positional arguments come before the named ones");
                        }
                        // Positional arguments are keyed by their position, which no parameter name can be.
                        SpecValue value = value();
                        bareWord = value instanceof Spec word && word.isBareWord();
                        arguments.put(Integer.toString(positional++), value);
                    } else {
                        skipSpace();
                        SpecValue value = value();
                        if (arguments.putIfAbsent(key, value) != null) {
                            throw new InvalidSpecException(text, keyColumn + 1, "parameter '" + key + "' given twice");
                        }
                    }
                    skipSpace();
                    if (peekIs(',')) {
                        position++;
                    } else if (peekIs(')')) {
                        position++;
                        break;
                    } else {
                        // After a bare word, such as 'lr' in 'adam(lr 0.1)', the '=' of a named argument may be missing.
                        String expected = bareWord ? "expected '=', ',' or ')'" : atEnd() ? "expected ')'"
                                : "expected ',' or ')'";
                        throw error(expected + (atEnd() ? "" : " but found '" + peek() + "'"));
                    }
                }
            }
        }
        return new Spec(namespace, name, arguments);
    }

    /**
     * Reads {@code name =} and returns the name if the argument at the cursor is named; otherwise leaves the
     * cursor where it was and returns null, for a positional value.
     */
    private String namedArgument() {
        int start = position;
        if (atEnd() || !isWordStart(peek())) {
            return null;
        }
        String key = word("a parameter name");
        skipSpace();
        if (peekIs('=')) {
            position++;
            return key;
        }
        position = start;
        return null;
    }

    private SpecValue value() {
        if (atEnd()) {
            throw error("expected a value");
        }
        char c = peek();
        if (c == '[') {
            return list();
        }
        if (c == '\'' || c == '"') {
            return string(c);
        }
        if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
            return number();
        }
        if (isWordStart(c)) {
            int start = position;
            Spec spec = spec();
            if (spec.isBareWord()) {
                switch (spec.name()) {
                    case "true":
                        return new SpecValue.BooleanValue(true);
                    case "false":
                        return new SpecValue.BooleanValue(false);
                    case "inf":
                    case "nan":
                        return new SpecValue.NumberValue(Double.parseDouble(spec.name().equals("inf")
                                ? "Infinity" : "NaN"), text.substring(start, position).trim());
                    default:
                        break;
                }
            }
            return spec;
        }
        throw error("expected a value (number, true/false, quoted string, [list] or spec) but found '" + c + "'");
    }

    private SpecValue list() {
        position++; // [
        List<SpecValue> values = new ArrayList<>();
        skipSpace();
        if (peekIs(']')) {
            position++;
            return new SpecValue.ListValue(values);
        }
        while (true) {
            skipSpace();
            values.add(value());
            skipSpace();
            if (peekIs(',')) {
                position++;
            } else if (peekIs(']')) {
                position++;
                return new SpecValue.ListValue(values);
            } else {
                throw error(atEnd() ? "expected ']'" : "expected ',' or ']'");
            }
        }
    }

    private SpecValue string(char quote) {
        int start = position;
        position++;
        StringBuilder value = new StringBuilder();
        while (!atEnd()) {
            char c = text.charAt(position++);
            if (c == quote) {
                return new SpecValue.StringValue(value.toString());
            }
            if (c == '\\' && !atEnd()) {
                c = text.charAt(position++);
            }
            value.append(c);
        }
        throw new InvalidSpecException(text, start + 1, "unterminated string");
    }

    private SpecValue number() {
        int start = position;
        if (peekIs('-') || peekIs('+')) {
            position++;
        }
        if (!atEnd() && text.startsWith("inf", position)) {
            position += 3;
            String literal = text.substring(start, position);
            return new SpecValue.NumberValue(literal.startsWith("-") ? Double.NEGATIVE_INFINITY
                    : Double.POSITIVE_INFINITY, literal);
        }
        int digits = skipDigits();
        if (peekIs('.')) {
            position++;
            digits += skipDigits();
        }
        if (digits == 0) {
            throw new InvalidSpecException(text, start + 1, "expected a number");
        }
        if (peekIs('e') || peekIs('E')) {
            position++;
            if (peekIs('-') || peekIs('+')) {
                position++;
            }
            if (skipDigits() == 0) {
                throw error("expected the digits of an exponent");
            }
        }
        String literal = text.substring(start, position);
        return new SpecValue.NumberValue(Double.parseDouble(literal), literal);
    }

    private int skipDigits() {
        int start = position;
        while (!atEnd() && Character.isDigit(peek())) {
            position++;
        }
        return position - start;
    }

    private String word(String what) {
        if (atEnd() || !isWordStart(peek())) {
            throw error("expected " + what + (atEnd() ? "" : " but found '" + peek() + "'"));
        }
        int start = position;
        while (!atEnd() && isWordPart(peek())) {
            position++;
        }
        return text.substring(start, position);
    }

    /** Whether {@code text} reads back as the same string when written bare: a word, not a keyword. */
    static boolean isPlainWord(String text) {
        if (text.isEmpty() || !isWordStart(text.charAt(0)) || !text.chars().allMatch(c -> isWordPart((char) c))) {
            return false;
        }
        return !List.of("true", "false", "inf", "nan").contains(text);
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }

    private void expect(char expected) {
        if (!peekIs(expected)) {
            throw error("expected '" + expected + "'" + (atEnd() ? "" : " but found '" + peek() + "'"));
        }
        position++;
    }

    private void skipSpace() {
        while (!atEnd() && Character.isWhitespace(peek())) {
            position++;
        }
    }

    private boolean atEnd() {
        return position >= text.length();
    }

    private char peek() {
        return text.charAt(position);
    }

    private boolean peekIs(char c) {
        return !atEnd() && peek() == c;
    }

    private InvalidSpecException error(String problem) {
        return new InvalidSpecException(text, position + 1, problem);
    }
}
