package dev.descent.api;

/** A parameter that is unknown, of the wrong type, out of its range or missing. */
public final class InvalidParameterException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** The parameter's name as written. */
    public String parameter() {
        return parameter;
    }
}
