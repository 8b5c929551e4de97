package dev.descent.api;

/**
 * A spec that does not follow the grammar. The message quotes the spec and points at the column:
 * {@code malformed spec 'adam(lr=0.001': expected ')' at column 14}.
 */
public final class InvalidSpecException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String spec;
    private final int column;

    public InvalidSpecException(String spec, int column, String problem) {
        super("malformed spec '" + spec + "': " + problem + " at column " + column);
        this.spec = spec;
        this.column = column;
    }

    public String spec() {
        return spec;
    }

    /** 1-based column of the first character that does not fit. */
    public int column() {
        return column;
    }
}
