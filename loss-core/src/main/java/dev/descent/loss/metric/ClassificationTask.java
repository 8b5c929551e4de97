package dev.descent.loss.metric;

import java.util.List;

/**
 * What a classification metric's inputs mean; see {@link ClassificationInputs} for the shapes of each and
 * the rule {@link #AUTO} follows.
 */
public enum ClassificationTask {
    /**
     * Read the task from the shapes: [N] with [N] binary, [N, C] with [N] multiclass, [N, L] with [N, L] multilabel.
     */
    AUTO,
    /** Predictions [N] of scores, positive above the threshold; targets [N] of 0 or 1. */
    BINARY,
    /** Predictions [N, C] of scores (argmax) or [N] of class labels; targets [N] of class labels in [0, C). */
    MULTICLASS,
    /** Predictions [N, L] of scores, positive above the threshold; targets [N, L] of 0 or 1. */
    MULTILABEL;

    /** The spec spelling: {@code auto}, {@code binary}, {@code multiclass}, {@code multilabel}. */
    public String specName() {
        return SpecWords.of(this);
    }

    /** The task a spec spelling names. */
    public static ClassificationTask of(String specName) {
        return SpecWords.parse(ClassificationTask.class, "task", specName);
    }

    static List<String> names() {
        return SpecWords.all(ClassificationTask.class);
    }
}
