package dev.descent.api;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How a loss reduces its per-element values, as PyTorch's {@code reduction} argument. */
public enum Reduction {
    /** The mean over all elements (PyTorch's default, so a loss does not depend on batch size). */
    MEAN,
    /** The sum over all elements. */
    SUM,
    /**
     * No reduction: {@link Loss#unreduced} gives the values; {@link Loss#compute} returns their sum and its
     * gradient, as PyTorch's backward with a gradient of ones would.
     */
    NONE;

    /** The {@code reduction} parameter every built-in loss declares. */
    public static final ParamSpec PARAM = ParamSpec.choice("reduction", "mean", names(),
            "how the per-element values are reduced: mean, sum, or none (the values themselves)");

    /** The spec spelling: {@code mean}, {@code sum}, {@code none}. */
    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The reduction a spec spelling names, as validated by {@link #PARAM}. */
    public static Reduction of(String specName) {
        for (Reduction reduction : values()) {
            if (reduction.specName().equals(specName)) {
                return reduction;
            }
        }
        throw new IllegalArgumentException("unknown reduction '" + specName + "'; expected one of mean, sum, none");
    }

    private static List<String> names() {
        return Arrays.stream(values()).map(Reduction::specName).toList();
    }
}
