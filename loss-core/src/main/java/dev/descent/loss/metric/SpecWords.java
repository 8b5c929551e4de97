package dev.descent.loss.metric;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How the metrics' option enums ({@link Average}, {@link ClassificationTask}, ...) are written in specs. */
final class SpecWords {
    private SpecWords() {}

    /** The spec spelling of a constant: its name in lower case, {@code MICRO} as {@code micro}. */
    static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /** Every constant's spelling, in declaration order. */
    static <E extends Enum<E>> List<String> all(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(SpecWords::of).toList();
    }

    /** The constant spelled {@code word}; {@code option} names the option in the message of an unknown word. */
    static <E extends Enum<E>> E parse(Class<E> type, String option, String word) {
        for (E constant : type.getEnumConstants()) {
            if (of(constant).equals(word)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("unknown " + option + " '" + word + "'; expected one of " + all(type));
    }
}
