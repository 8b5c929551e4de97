package dev.descent.loss.metric;

import java.util.List;

/** How precision, recall and F1 combine the classes: scikit-learn's {@code average}. */
public enum Average {
    /** The score of class {@code pos_label} alone; only for two classes (scikit-learn's default). */
    BINARY,
    /** One score from the true positives, predictions and supports summed over the classes. */
    MICRO,
    /**
     * The unweighted mean of the per-class scores: over the classes present in the targets or predictions
     * (multiclass, as scikit-learn with {@code labels=None}), over every label (multilabel).
     */
    MACRO,
    /** The mean of the per-class scores weighted by each class's support (its count in the targets). */
    WEIGHTED,
    /** No average: a [C] tensor of per-class scores, every class 0..C-1 (scikit-learn's {@code average=None}). */
    NONE;

    /** The spec spelling: {@code binary}, {@code micro}, ... */
    public String specName() {
        return SpecWords.of(this);
    }

    /** The average a spec spelling names. */
    public static Average of(String specName) {
        return SpecWords.parse(Average.class, "average", specName);
    }

    static List<String> names() {
        return SpecWords.all(Average.class);
    }
}
