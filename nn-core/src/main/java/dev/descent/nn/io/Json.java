package dev.descent.nn.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict JSON reader (RFC 8259) for the safetensors header, which nn-core reads without a JSON
 * library: objects keep their key order and refuse duplicate keys, nesting is bounded, and every error says
 * where (line, column, character offset). Objects become {@code Map<String, Object>}, arrays
 * {@code List<Object>}, strings {@code String}, numbers {@link Number} (their text, unconverted), booleans
 * {@code Boolean}, and null {@link #NULL}.
 */
final class Json {
    /** JSON's null, so that a map value of Java null never means two things. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** How deep objects and arrays may nest; a safetensors header needs 3. */
    static final int MAX_DEPTH = 32;

    /** A JSON number, as written; the caller converts it and judges its range. */
    record Number(String text) {
        /** Whether it is written as a non-negative integer: digits only, no sign, fraction or exponent. */
        boolean isNaturalInteger() {
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** A syntax error, with where it happened. */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxError(String message) {
            super(message);
        }
    }

    private final String text;
    private int position;

    private Json(String text) {
        this.text = text;
    }

    /** Parses one JSON value followed by nothing but whitespace. */
    static Object parse(String text) throws SyntaxError {
        Json json = new Json(text);
        json.skipWhitespace();
        Object value = json.value(0);
        json.skipWhitespace();
        if (json.position < text.length()) {
            throw json.error("unexpected " + json.describeNext() + " after the end of the JSON value");
        }
        return value;
    }

    private Object value(int depth) throws SyntaxError {
        if (position >= text.length()) {
            throw error("unexpected end of the header, expected a value");
        }
        char next = text.charAt(position);
        switch (next) {
            case '{':
                return object(depth + 1);
            case '[':
                return array(depth + 1);
            case '"':
                return string();
            case 't':
                literal("true");
                return Boolean.TRUE;
            case 'f':
                literal("false");
                return Boolean.FALSE;
            case 'n':
                literal("null");
                return NULL;
            default:
                if (next == '-' || (next >= '0' && next <= '9')) {
                    return number();
                }
                throw error("unexpected " + describeNext() + ", expected a value");
        }
    }

    private Map<String, Object> object(int depth) throws SyntaxError {
        checkDepth(depth);
        position++; // '{'
        Map<String, Object> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek('}')) {
            position++;
            return Collections.unmodifiableMap(members);
        }
        while (true) {
            skipWhitespace();
            if (!peek('"')) {
                throw error("unexpected " + describeNext() + ", expected a string key");
            }
            int keyAt = position;
            String key = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            Object value = value(depth);
            if (members.putIfAbsent(key, value) != null) {
                position = keyAt;
                throw error("duplicate key '" + key + "'");
            }
            skipWhitespace();
            if (peek(',')) {
                position++;
            } else if (peek('}')) {
                position++;
                return Collections.unmodifiableMap(members);
            } else {
                throw error("unexpected " + describeNext() + ", expected ',' or '}'");
            }
        }
    }

    private List<Object> array(int depth) throws SyntaxError {
        checkDepth(depth);
        position++; // '['
        List<Object> elements = new ArrayList<>();
        skipWhitespace();
        if (peek(']')) {
            position++;
            return Collections.unmodifiableList(elements);
        }
        while (true) {
            skipWhitespace();
            elements.add(value(depth));
            skipWhitespace();
            if (peek(',')) {
                position++;
            } else if (peek(']')) {
                position++;
                return Collections.unmodifiableList(elements);
            } else {
                throw error("unexpected " + describeNext() + ", expected ',' or ']'");
            }
        }
    }

    private void checkDepth(int depth) throws SyntaxError {
        if (depth > MAX_DEPTH) {
            throw error("objects and arrays nested more than " + MAX_DEPTH + " deep");
        }
    }

    private String string() throws SyntaxError {
        position++; // opening quote
        StringBuilder value = new StringBuilder();
        while (true) {
            if (position >= text.length()) {
                throw error("unexpected end of the header inside a string");
            }
            char c = text.charAt(position);
            if (c == '"') {
                position++;
                return value.toString();
            }
            if (c < 0x20) {
                throw error("control character U+" + String.format("%04X", (int) c)
                        + " inside a string (write it as an escape)");
            }
            if (c != '\\') {
                value.append(c);
                position++;
                continue;
            }
            if (position + 1 >= text.length()) {
                throw error("unexpected end of the header inside an escape");
            }
            char escape = text.charAt(position + 1);
            switch (escape) {
                case '"', '\\', '/' -> value.append(escape);
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'u' -> {
                    if (position + 6 > text.length()) {
                        throw error("unexpected end of the header inside a \\u escape");
                    }
                    int code = 0;
                    for (int i = position + 2; i < position + 6; i++) {
                        int digit = Character.digit(text.charAt(i), 16);
                        if (digit < 0) {
                            throw error("invalid \\u escape '" + text.substring(position, position + 6)
                                    + "', expected four hexadecimal digits");
                        }
                        code = code * 16 + digit;
                    }
                    value.append((char) code);
                    position += 4;
                }
                default -> throw error("invalid escape '\\" + escape + "' in a string");
            }
            position += 2;
        }
    }

    private Number number() throws SyntaxError {
        int start = position;
        if (peek('-')) {
            position++;
        }
        if (peek('0')) {
            position++;
        } else if (!digits()) {
            throw error("invalid number, expected a digit after '-'");
        }
        if (peek('.')) {
            position++;
            if (!digits()) {
                throw error("invalid number, expected a digit after '.'");
            }
        }
        if (peek('e') || peek('E')) {
            position++;
            if (peek('+') || peek('-')) {
                position++;
            }
            if (!digits()) {
                throw error("invalid number, expected a digit in the exponent");
            }
        }
        return new Number(text.substring(start, position));
    }

    private boolean digits() {
        int start = position;
        while (position < text.length() && text.charAt(position) >= '0' && text.charAt(position) <= '9') {
            position++;
        }
        return position > start;
    }

    private void literal(String word) throws SyntaxError {
        if (!text.startsWith(word, position)) {
            throw error("unexpected " + describeNext() + ", expected a value");
        }
        position += word.length();
    }

    private void expect(char c) throws SyntaxError {
        if (!peek(c)) {
            throw error("unexpected " + describeNext() + ", expected '" + c + "'");
        }
        position++;
    }

    private boolean peek(char c) {
        return position < text.length() && text.charAt(position) == c;
    }

    private void skipWhitespace() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            position++;
        }
    }

    private String describeNext() {
        if (position >= text.length()) {
            return "end of the header";
        }
        char c = text.charAt(position);
        return c < 0x20 || c == 0x7f ? "character U+" + String.format("%04X", (int) c) : "'" + c + "'";
    }

    private SyntaxError error(String message) {
        return new SyntaxError(message + " at " + where(position));
    }

    /** {@code line 1, column 17 (character 16)}, counting from 1 and 0 as editors and offsets do. */
    private String where(int at) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return "line " + line + ", column " + (at - lineStart + 1) + " (character " + at + ")";
    }
}
