package dev.descent.loss.metric;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Shapes;
import dev.descent.api.Tensor;

/**
 * Turns a batch of classification predictions and targets into predicted and true labels, as
 * {@link ClassificationInputs} describes, and holds the task and class count the first batch fixed.
 */
final class LabelDecoder {

    /**
     * One decoded batch. Binary and multiclass: one label per row in {@code predicted} and {@code truth}.
     * Multilabel: {@code rows * classes} entries of 0 or 1, row-major.
     */
    record Batch(ClassificationTask task, int rows, int classes, int[] predicted, int[] truth) {}

    private final String metric;
    private final ClassificationInputs inputs;
    private ClassificationTask task;
    private int classes;

    LabelDecoder(String metric, ClassificationInputs inputs) {
        this.metric = requireNonNull(metric, "metric is null");
        this.inputs = requireNonNull(inputs, "inputs is null");
    }

    /** The task of the batches seen so far, or null before the first. */
    ClassificationTask task() {
        return task;
    }

    /**
     * The number of classes (labels for multilabel): that of the batches seen so far, else the one known in
     * advance (2 for a binary task, {@code num_classes}), else 0.
     */
    int classes() {
        if (task != null) {
            return classes;
        }
        if (inputs.task() == ClassificationTask.BINARY) {
            return 2;
        }
        return inputs.numClasses().orElse(0);
    }

    /** Forgets the task and class count, so the next batch may have other shapes. */
    void reset() {
        task = null;
        classes = 0;
    }

    Batch decode(Tensor predictions, Tensor targets) {
        requireNonNull(predictions, "predictions is null");
        requireNonNull(targets, "targets is null");
        ClassificationTask batchTask = resolve(predictions, targets);
        int rows = targets.dim(0);
        int batchClasses = switch (batchTask) {
            case BINARY -> 2;
            case MULTICLASS -> predictions.rank() == 2 ? predictions.dim(1) : inputs.numClasses().orElse(0);
            case MULTILABEL -> predictions.dim(1);
            case AUTO -> throw new AssertionError("resolve() returns a concrete task");
        };
        if (inputs.numClasses().isPresent() && inputs.numClasses().getAsInt() != batchClasses) {
            throw new IllegalArgumentException(metric + ": num_classes=" + inputs.numClasses().getAsInt() + " but "
                    + MetricInputs.shapes(predictions, targets) + " are " + batchTask.specName() + " with "
                    + batchClasses + (batchTask == ClassificationTask.MULTILABEL ? " labels" : " classes")
                    + "; leave num_classes out or make it " + batchClasses);
        }
        if (task != null && (task != batchTask || classes != batchClasses)) {
            throw new IllegalArgumentException(metric + ": " + MetricInputs.shapes(predictions, targets) + " are "
                    + describe(batchTask, batchClasses) + " but earlier batches were " + describe(task, classes)
                    + "; every batch must be alike until reset()");
        }
        MetricInputs.requireNoNaN(metric, "prediction", predictions);
        MetricInputs.requireNoNaN(metric, "target", targets);
        Batch batch = switch (batchTask) {
            case BINARY -> binary(predictions, targets, rows);
            case MULTICLASS -> multiclass(predictions, targets, rows, batchClasses);
            case MULTILABEL -> multilabel(predictions, targets, rows, batchClasses);
            case AUTO -> throw new AssertionError("resolve() returns a concrete task");
        };
        task = batchTask;
        classes = batchClasses;
        return batch;
    }

    /**
     * {@link #decode}, for a metric that counts per class: label predictions [N] need {@code num_classes}, since no
     * batch can tell how many classes there are.
     */
    Batch decodeCounted(Tensor predictions, Tensor targets) {
        Batch batch = decode(predictions, targets);
        if (batch.classes() == 0) {
            throw new IllegalArgumentException(metric + ": predictions of shape " + Shapes.toString(predictions.shape())
                    + " are class labels, whose number of classes no batch can tell; give num_classes, e.g. "
                    + metric + "(task=multiclass, num_classes=4)");
        }
        return batch;
    }

    private static String describe(ClassificationTask task, int classes) {
        return switch (task) {
            case MULTILABEL -> "multilabel with " + classes + " labels";
            case MULTICLASS -> classes == 0 ? "multiclass labels" : "multiclass with " + classes + " classes";
            default -> task.specName();
        };
    }

    private ClassificationTask resolve(Tensor predictions, Tensor targets) {
        ClassificationTask wanted = inputs.task();
        if (wanted == ClassificationTask.AUTO) {
            ClassificationTask guess = predictions.rank() == 1 ? ClassificationTask.BINARY
                    : targets.rank() == 1 ? ClassificationTask.MULTICLASS : ClassificationTask.MULTILABEL;
            if (!fits(guess, predictions, targets)) {
                throw new IllegalArgumentException(metric + ": cannot tell the task from "
                        + MetricInputs.shapes(predictions, targets) + "; expected predictions [N] with targets [N]"
                        + " (binary), [N, C] with [N] (multiclass) or [N, L] with [N, L] (multilabel), or set task");
            }
            return guess;
        }
        if (!fits(wanted, predictions, targets)) {
            String expected = switch (wanted) {
                case BINARY -> "predictions [N] of scores and targets [N]";
                case MULTICLASS -> "predictions [N, C] of scores or [N] of class labels, and targets [N]";
                default -> "predictions [N, L] and targets [N, L] of the same shape";
            };
            throw new IllegalArgumentException(metric + ": task=" + wanted.specName() + " takes " + expected
                    + ", got " + MetricInputs.shapes(predictions, targets));
        }
        return wanted;
    }

    private static boolean fits(ClassificationTask task, Tensor predictions, Tensor targets) {
        return switch (task) {
            case BINARY -> predictions.rank() == 1 && targets.rank() == 1 && predictions.dim(0) == targets.dim(0);
            case MULTICLASS -> (predictions.rank() == 1 || predictions.rank() == 2) && targets.rank() == 1
                    && predictions.dim(0) == targets.dim(0);
            case MULTILABEL -> predictions.rank() == 2 && predictions.hasShape(targets.shape());
            case AUTO -> false;
        };
    }

    private Batch binary(Tensor predictions, Tensor targets, int rows) {
        MetricInputs.requireZeroOrOne(metric, "target", targets,
                "a binary task takes targets 0 or 1 (class labels need task=multiclass)");
        float[] scores = predictions.data();
        float[] truths = targets.data();
        int[] predicted = new int[rows];
        int[] truth = new int[rows];
        double threshold = inputs.threshold();
        for (int i = 0; i < rows; i++) {
            predicted[i] = scores[i] > threshold ? 1 : 0;
            truth[i] = (int) truths[i];
        }
        return new Batch(ClassificationTask.BINARY, rows, 2, predicted, truth);
    }

    private Batch multiclass(Tensor predictions, Tensor targets, int rows, int classes) {
        int[] predicted = new int[rows];
        int[] truth = new int[rows];
        for (int i = 0; i < rows; i++) {
            truth[i] = MetricInputs.label(metric, "target", targets, i, classes);
        }
        if (predictions.rank() == 1) {
            for (int i = 0; i < rows; i++) {
                predicted[i] = MetricInputs.label(metric, "prediction", predictions, i, classes);
            }
        } else {
            float[] scores = predictions.data();
            for (int i = 0; i < rows; i++) {
                int offset = i * classes;
                int best = 0;
                // Strictly greater: the first of equal maxima wins, as numpy's argmax.
                for (int c = 1; c < classes; c++) {
                    if (scores[offset + c] > scores[offset + best]) {
                        best = c;
                    }
                }
                predicted[i] = best;
            }
        }
        return new Batch(ClassificationTask.MULTICLASS, rows, classes, predicted, truth);
    }

    private Batch multilabel(Tensor predictions, Tensor targets, int rows, int labels) {
        MetricInputs.requireZeroOrOne(metric, "target", targets, "a multilabel target is 0 or 1");
        float[] scores = predictions.data();
        float[] truths = targets.data();
        int[] predicted = new int[scores.length];
        int[] truth = new int[scores.length];
        double threshold = inputs.threshold();
        for (int i = 0; i < scores.length; i++) {
            predicted[i] = scores[i] > threshold ? 1 : 0;
            truth[i] = (int) truths[i];
        }
        return new Batch(ClassificationTask.MULTILABEL, rows, labels, predicted, truth);
    }
}
