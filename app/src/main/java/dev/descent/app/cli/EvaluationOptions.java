package dev.descent.app.cli;

import dev.descent.api.Tensor;
import picocli.CommandLine.Option;

/** The inputs and output options {@code descent loss} and {@code descent metric} share. */
final class EvaluationOptions {
    @Option(names = "--pred", required = true, paramLabel = "VALUES",
            description = "Predictions: values separated by ',', rows of a matrix by ';'.")
    String predictions;

    @Option(names = "--target", required = true, paramLabel = "VALUES", description = "Targets, written like --pred.")
    String targets;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Option(names = "--digits", paramLabel = "N", defaultValue = "" + Numbers.DEFAULT_DIGITS,
            description = "Significant digits printed (default: ${DEFAULT-VALUE}).")
    int digits;

    /** The significant digits, checked. */
    int digits() {
        if (digits < 1 || digits > 17) {
            throw new IllegalArgumentException("--digits must be between 1 and 17, got " + digits);
        }
        return digits;
    }

    Tensor predictions() {
        return TensorText.parse("--pred", predictions);
    }

    Tensor targets() {
        return TensorText.parse("--target", targets);
    }
}
