package dev.descent.loss.metric;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Tensor;
import java.util.List;

/**
 * The confusion matrix, scikit-learn's {@code confusion_matrix}: [C, C] counts, rows the true class, columns
 * the predicted one. Binary (C = 2) or multiclass inputs as {@link ClassificationInputs}; scikit-learn refuses
 * multilabel targets here and so do we.
 *
 * <p>The matrix always covers every class 0..C-1, as scikit-learn's {@code labels=range(C)}; without
 * {@code labels} scikit-learn keeps only the classes present, a shape that would change from batch to batch.
 * C is therefore fixed before counting: 2 for a binary task, the predictions' second axis for scores [N, C],
 * {@code num_classes} for label predictions [N] (required then: a stream of labels cannot tell how many
 * classes there are, and a matrix that grew as classes appeared would depend on the batches seen).
 *
 * <p>{@code normalize} as scikit-learn: {@code true} divides each row by its sum, {@code pred} each column,
 * {@code all} the whole by the total; a zero sum gives 0. Counts are kept as longs; {@link #compute()} gives
 * floats, exact up to 2^24 per cell. Before any sample, a matrix of zeros ({@code [0, 0]} if C is unknown).
 */
public final class ConfusionMatrixMetric extends AbstractMetric {
    /** The canonical name, as written in specs. */
    public static final String NAME = "confusion_matrix";

    /** scikit-learn's {@code normalize}: none, or over the true classes (rows), predictions (columns) or all. */
    public enum Normalize {
        NONE, TRUE, PRED, ALL;

        public String specName() {
            return SpecWords.of(this);
        }

        public static Normalize of(String specName) {
            return SpecWords.parse(Normalize.class, "normalize", specName);
        }

        static List<String> names() {
            return SpecWords.all(Normalize.class);
        }
    }

    private final Normalize normalize;
    private final LabelDecoder decoder;
    private long[] counts;
    private int classes;

    public ConfusionMatrixMetric(ClassificationInputs inputs, Normalize normalize) {
        super(NAME);
        this.decoder = new LabelDecoder(NAME, inputs);
        this.normalize = requireNonNull(normalize, "normalize is null");
    }

    /** Counts, task read from the shapes, threshold 0.5. */
    public ConfusionMatrixMetric() {
        this(ClassificationInputs.DEFAULT, Normalize.NONE);
    }

    @Override
    public void update(Tensor predictions, Tensor targets) {
        requireNonNull(predictions, "predictions is null");
        requireNonNull(targets, "targets is null");
        if (predictions.rank() == 2 && predictions.hasShape(targets.shape())) {
            throw new IllegalArgumentException(NAME + ": " + MetricInputs.shapes(predictions, targets)
                    + " are multilabel, which has no single confusion matrix (scikit-learn refuses it too);"
                    + " expected predictions [N] with targets [N] (binary) or [N, C] with [N] (multiclass)");
        }
        LabelDecoder.Batch batch = decoder.decodeCounted(predictions, targets);
        if (counts == null) {
            classes = batch.classes();
            counts = new long[classes * classes];
        }
        int[] predicted = batch.predicted();
        int[] truth = batch.truth();
        for (int i = 0; i < batch.rows(); i++) {
            counts[truth[i] * classes + predicted[i]]++;
        }
    }

    @Override
    int[] resultShape() {
        int size = counts != null ? classes : decoder.classes();
        return new int[] {size, size};
    }

    @Override
    double[] results() {
        if (counts == null) {
            int size = decoder.classes();
            return new double[size * size];
        }
        double[] matrix = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            matrix[i] = counts[i];
        }
        switch (normalize) {
            case NONE -> { }
            case TRUE -> divideLines(matrix, classes, classes, classes, 1);
            case PRED -> divideLines(matrix, classes, 1, classes, classes);
            case ALL -> divideLines(matrix, 1, 0, matrix.length, 1);
        }
        return matrix;
    }

    /**
     * Divides each of {@code lines} lines of {@code matrix} (rows, columns or the whole) by its sum, 0 for a zero
     * sum (scikit-learn's {@code nan_to_num} of 0 / 0): line {@code l} holds the {@code length} elements from
     * {@code l * lineStep}, {@code elementStep} apart. The elements are whole counts, so the sums are exact.
     */
    private static void divideLines(double[] matrix, int lines, int lineStep, int length, int elementStep) {
        for (int line = 0; line < lines; line++) {
            int start = line * lineStep;
            double sum = 0;
            for (int i = 0; i < length; i++) {
                sum += matrix[start + i * elementStep];
            }
            for (int i = 0; i < length; i++) {
                matrix[start + i * elementStep] = sum == 0 ? 0 : matrix[start + i * elementStep] / sum;
            }
        }
    }

    @Override
    public void reset() {
        counts = null;
        classes = 0;
        decoder.reset();
    }
}
