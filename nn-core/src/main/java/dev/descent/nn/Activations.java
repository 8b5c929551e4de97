package dev.descent.nn;

import dev.descent.api.SpecValue;

/** What the activation layers share: the check of a real parameter and numbers as a spec writes them. */
final class Activations {
    private Activations() {}

    /**
     * Returns {@code value} if it is finite.
     *
     * @throws IllegalArgumentException {@code elu: alpha must be a finite number, got 'inf'}
     */
    static double finite(String layer, String parameter, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(layer + ": " + parameter + " must be a finite number, got '"
                    + format(value) + "'");
        }
        return value;
    }

    /** A number as a spec writes it: {@code 0.01}, {@code 1}, {@code inf}. */
    static String format(double value) {
        return SpecValue.NumberValue.of(value).text();
    }
}
