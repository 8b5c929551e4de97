package dev.descent.loss.metric;

import static java.util.Objects.requireNonNull;

import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import java.util.List;
import java.util.OptionalInt;

/**
 * How a classification metric reads its inputs: the task, the threshold and the number of classes.
 *
 * <ul>
 *   <li><b>binary</b>: predictions [N] of scores (probabilities, or logits with {@code threshold=0}); a score
 *       strictly above {@code threshold} predicts 1, as Keras' and torchmetrics' {@code preds > threshold}.
 *       Targets [N] of 0 or 1.
 *   <li><b>multiclass</b>: predictions [N, C] of scores (logits or probabilities), the predicted class being the
 *       first index of the largest score (numpy's argmax); or, with {@code task=multiclass} only, predictions [N]
 *       of class labels. Targets [N] of class labels, whole numbers in [0, C). C is read from the predictions'
 *       shape; {@code num_classes} is needed only for label predictions, whose class count no batch can tell.
 *   <li><b>multilabel</b>: predictions [N, L] of scores, each label positive when strictly above
 *       {@code threshold}; targets [N, L] of 0 or 1.
 *   <li><b>auto</b> (the default) reads the task from the shapes alone: predictions [N] with targets [N] are
 *       binary, [N, C] with [N] multiclass, [N, L] with the same shape multilabel. Label predictions [N] are
 *       therefore read as binary scores unless {@code task=multiclass} says otherwise.
 * </ul>
 *
 * <p>Labels are floats holding whole numbers ({@code 2.0}); NaN in predictions or targets is an error, as in
 * scikit-learn. The first batch fixes the task and the class count until {@code reset()}.
 *
 * @param task the task, or {@link ClassificationTask#AUTO}
 * @param threshold binary and multilabel: a score above it is positive
 * @param numClasses multiclass: the number of classes, if known in advance
 */
public record ClassificationInputs(ClassificationTask task, double threshold, OptionalInt numClasses) {

    /** Task read from the shapes, threshold 0.5 (probabilities), class count read from the shapes. */
    public static final ClassificationInputs DEFAULT = new ClassificationInputs(ClassificationTask.AUTO, 0.5,
            OptionalInt.empty());

    static final ParamSpec TASK = ParamSpec.choice("task", "auto", ClassificationTask.names(),
            "what the inputs are: predictions [N] with targets [N] of 0/1 (binary), [N, C] scores with [N] class"
                    + " labels (multiclass), [N, L] with [N, L] of 0/1 (multilabel); auto reads it from the shapes");
    static final ParamSpec THRESHOLD = ParamSpec.real("threshold", 0.5,
            "binary and multilabel: a score strictly above it is positive; 0.5 for probabilities, 0 for logits");
    static final ParamSpec NUM_CLASSES = ParamSpec.integer("num_classes", null,
            "multiclass: the number of classes C; read from predictions [N, C], needed for label predictions [N]")
            .atLeast(1).optional();

    /** The parameters every classification metric declares. */
    static final List<ParamSpec> PARAMS = List.of(TASK, THRESHOLD, NUM_CLASSES);

    public ClassificationInputs {
        requireNonNull(task, "task is null");
        requireNonNull(numClasses, "numClasses is null");
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold is NaN; it must be a number, e.g. 0.5 or 0");
        }
        if (numClasses.isPresent() && numClasses.getAsInt() < 1) {
            throw new IllegalArgumentException("numClasses must be at least 1, got '" + numClasses.getAsInt() + "'");
        }
    }

    /** The inputs that {@link #PARAMS} resolved to. */
    static ClassificationInputs from(Params params) {
        OptionalInt numClasses = params.has(NUM_CLASSES.name()) ? OptionalInt.of(params.integer(NUM_CLASSES.name()))
                : OptionalInt.empty();
        ClassificationTask task = ClassificationTask.of(params.string(TASK.name()));
        return new ClassificationInputs(task, params.real(THRESHOLD.name()), numClasses);
    }
}
