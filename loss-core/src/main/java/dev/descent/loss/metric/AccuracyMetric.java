package dev.descent.loss.metric;

import dev.descent.api.Tensor;

/**
 * Accuracy, scikit-learn's {@code accuracy_score}: the fraction of samples predicted exactly right. For a
 * multilabel task that is <em>subset</em> accuracy, a row counting only when every label is right (Keras'
 * {@code binary_accuracy} would average over labels instead). Inputs as {@link ClassificationInputs}.
 *
 * <p>NaN before any sample.
 */
public final class AccuracyMetric extends RowMeanMetric {
    /** The canonical name, as written in specs. */
    public static final String NAME = "accuracy";

    private final LabelDecoder decoder;

    public AccuracyMetric(ClassificationInputs inputs) {
        super(NAME);
        this.decoder = new LabelDecoder(NAME, inputs);
    }

    /** Task read from the shapes, threshold 0.5. */
    public AccuracyMetric() {
        this(ClassificationInputs.DEFAULT);
    }

    @Override
    public void update(Tensor predictions, Tensor targets) {
        LabelDecoder.Batch batch = decoder.decode(predictions, targets);
        int[] predicted = batch.predicted();
        int[] truth = batch.truth();
        if (batch.task() == ClassificationTask.MULTILABEL) {
            int labels = batch.classes();
            for (int row = 0; row < batch.rows(); row++) {
                boolean exact = true;
                for (int j = row * labels; j < (row + 1) * labels; j++) {
                    exact &= predicted[j] == truth[j];
                }
                addRow(exact ? 1 : 0);
            }
        } else {
            for (int i = 0; i < batch.rows(); i++) {
                addRow(predicted[i] == truth[i] ? 1 : 0);
            }
        }
    }

    @Override
    void forget() {
        decoder.reset();
    }
}
