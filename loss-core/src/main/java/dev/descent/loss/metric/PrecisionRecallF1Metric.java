package dev.descent.loss.metric;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Tensor;
import java.util.Arrays;

/**
 * Precision, recall or F1, scikit-learn's {@code precision_score}, {@code recall_score} and {@code f1_score}
 * (from {@code precision_recall_fscore_support}, version 1.2): precision {@code tp / (tp + fp)}, recall
 * {@code tp / (tp + fn)}, F1 {@code 2 p r / (p + r)} (0 when {@code p + r = 0}), per class, combined by
 * {@link Average}. Inputs as {@link ClassificationInputs}.
 *
 * <ul>
 *   <li>{@code zero_division}: the value of a ratio whose denominator is 0, 0 or 1. scikit-learn's default
 *       {@code "warn"} warns and gives 0; ours is 0, without the warning.
 *   <li>{@code average=weighted} when no target is positive (possible for multilabel): scikit-learn's special
 *       case, kept: every score is {@code zero_division} if nothing was predicted positive either, else
 *       precision 0, recall {@code zero_division}, F1 0.
 *   <li>{@code average=binary} (the default, as scikit-learn's) needs two classes: a binary task, or a multiclass
 *       one with C = 2. Otherwise the first update fails, naming the averages that fit.
 *   <li>{@code average=none} computes [C] over every class 0..C-1, absent ones included (scikit-learn's
 *       {@code average=None, labels=range(C)}).
 * </ul>
 *
 * <p>Keeps per-class counts of true positives, predictions and targets (longs), so batches add up exactly.
 * NaN before any sample.
 */
public final class PrecisionRecallF1Metric extends AbstractMetric {

    /** Which of the three scores. */
    public enum Score {
        PRECISION, RECALL, F1;

        /** The metric's name: {@code precision}, {@code recall}, {@code f1}. */
        public String metricName() {
            return SpecWords.of(this);
        }
    }

    private final Score score;
    private final Average average;
    private final int posLabel;
    private final double zeroDivision;
    private final LabelDecoder decoder;
    private long[] truePositives;
    private long[] predictedCounts;
    private long[] trueCounts;
    private long samples;

    /**
     * @param posLabel the positive class for {@link Average#BINARY}, 0 or 1 (ignored by the other averages)
     * @param zeroDivision the value of a ratio with a zero denominator, 0 or 1
     */
    public PrecisionRecallF1Metric(Score score, ClassificationInputs inputs, Average average, int posLabel,
            double zeroDivision) {
        super(requireNonNull(score, "score is null").metricName());
        this.score = score;
        this.average = requireNonNull(average, "average is null");
        if (posLabel != 0 && posLabel != 1) {
            throw new IllegalArgumentException(name() + ": pos_label must be 0 or 1, got '" + posLabel + "'");
        }
        if (zeroDivision != 0 && zeroDivision != 1) {
            throw new IllegalArgumentException(name() + ": zero_division must be 0 or 1, got '" + zeroDivision + "'");
        }
        this.posLabel = posLabel;
        this.zeroDivision = zeroDivision;
        this.decoder = new LabelDecoder(name(), inputs);
    }

    @Override
    public void update(Tensor predictions, Tensor targets) {
        LabelDecoder.Batch batch = decoder.decodeCounted(predictions, targets);
        int classes = batch.classes();
        if (average == Average.BINARY && (batch.task() == ClassificationTask.MULTILABEL || classes != 2)) {
            throw new IllegalArgumentException(name() + ": average=binary needs two classes but "
                    + MetricInputs.shapes(predictions, targets) + " are " + batch.task().specName() + " with "
                    + classes + (batch.task() == ClassificationTask.MULTILABEL ? " labels" : " classes")
                    + "; choose average=micro, macro, weighted or none");
        }
        if (truePositives == null) {
            truePositives = new long[classes];
            predictedCounts = new long[classes];
            trueCounts = new long[classes];
        }
        int[] predicted = batch.predicted();
        int[] truth = batch.truth();
        if (batch.task() == ClassificationTask.MULTILABEL) {
            for (int i = 0; i < predicted.length; i++) {
                int label = i % classes;
                predictedCounts[label] += predicted[i];
                trueCounts[label] += truth[i];
                truePositives[label] += predicted[i] & truth[i];
            }
        } else {
            for (int i = 0; i < batch.rows(); i++) {
                predictedCounts[predicted[i]]++;
                trueCounts[truth[i]]++;
                truePositives[truth[i]] += predicted[i] == truth[i] ? 1 : 0;
            }
        }
        samples += batch.rows();
    }

    @Override
    int[] resultShape() {
        if (average != Average.NONE) {
            return new int[0];
        }
        return new int[] {truePositives != null ? truePositives.length : decoder.classes()};
    }

    @Override
    double[] results() {
        if (samples == 0) {
            double[] undefined = new double[average == Average.NONE ? resultShape()[0] : 1];
            Arrays.fill(undefined, Double.NaN);
            return undefined;
        }
        int classes = truePositives.length;
        switch (average) {
            case BINARY:
                return new double[] {score(truePositives[posLabel], predictedCounts[posLabel], trueCounts[posLabel])};
            case MICRO: {
                long tp = 0;
                long predicted = 0;
                long actual = 0;
                for (int c = 0; c < classes; c++) {
                    tp += truePositives[c];
                    predicted += predictedCounts[c];
                    actual += trueCounts[c];
                }
                return new double[] {score(tp, predicted, actual)};
            }
            case MACRO: {
                double sum = 0;
                int counted = 0;
                for (int c = 0; c < classes; c++) {
                    if (counts(c)) {
                        sum += score(truePositives[c], predictedCounts[c], trueCounts[c]);
                        counted++;
                    }
                }
                return new double[] {sum / counted};
            }
            case WEIGHTED:
                return new double[] {weighted(classes)};
            case NONE: {
                double[] perClass = new double[classes];
                for (int c = 0; c < classes; c++) {
                    perClass[c] = score(truePositives[c], predictedCounts[c], trueCounts[c]);
                }
                return perClass;
            }
            default:
                throw new AssertionError(average);
        }
    }

    /** Whether class {@code c} takes part in a macro average: multilabel always, multiclass when it was seen. */
    private boolean counts(int c) {
        return decoder.task() == ClassificationTask.MULTILABEL || trueCounts[c] + predictedCounts[c] > 0;
    }

    private double weighted(int classes) {
        long support = 0;
        long predicted = 0;
        for (int c = 0; c < classes; c++) {
            support += trueCounts[c];
            predicted += predictedCounts[c];
        }
        if (support == 0) {
            // scikit-learn 1.2's special case for an average weighted by nothing.
            if (predicted == 0) {
                return zeroDivision;
            }
            return score == Score.RECALL ? zeroDivision : 0;
        }
        double sum = 0;
        double weights = 0;
        for (int c = 0; c < classes; c++) {
            if (counts(c)) {
                sum += score(truePositives[c], predictedCounts[c], trueCounts[c]) * trueCounts[c];
                weights += trueCounts[c];
            }
        }
        return sum / weights;
    }

    /** The score from the counts of one class (or of all, for micro), in scikit-learn's arithmetic. */
    private double score(long tp, long predicted, long actual) {
        double precision = predicted == 0 ? zeroDivision : (double) tp / predicted;
        double recall = actual == 0 ? zeroDivision : (double) tp / actual;
        return switch (score) {
            case PRECISION -> precision;
            case RECALL -> recall;
            case F1 -> {
                double denominator = precision + recall;
                yield 2.0 * precision * recall / (denominator == 0 ? 1 : denominator);
            }
        };
    }

    @Override
    public void reset() {
        truePositives = null;
        predictedCounts = null;
        trueCounts = null;
        samples = 0;
        decoder.reset();
    }
}
