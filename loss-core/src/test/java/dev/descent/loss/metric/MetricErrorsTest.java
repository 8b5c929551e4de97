package dev.descent.loss.metric;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.api.Metric;
import dev.descent.api.Tensor;
import org.junit.jupiter.api.Test;

/** Bad input is an IllegalArgumentException naming the metric, what was wrong and what would be right. */
class MetricErrorsTest {

    private static Tensor matrix(int columns, float... values) {
        return Tensor.of(values, values.length / columns, columns);
    }

    private static void update(String spec, Tensor predictions, Tensor targets) {
        MetricFixtures.create(spec).update(predictions, targets);
    }

    @Test
    void shapesThatFitNoTaskAreNamed() {
        assertThatThrownBy(() -> update("accuracy", Tensor.vector(0.1f, 0.2f, 0.3f), Tensor.vector(0, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("accuracy: cannot tell the task from predictions of shape [3] and targets of shape [2];"
                        + " expected predictions [N] with targets [N] (binary), [N, C] with [N] (multiclass) or"
                        + " [N, L] with [N, L] (multilabel), or set task");
    }

    @Test
    void aClassIndexOutOfRangeIsNamedWithItsIndexAndTheValidRange() {
        assertThatThrownBy(() -> update("f1(average=macro)", matrix(3, 1, 0, 0, 0, 1, 0), Tensor.vector(0, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("f1: target at index 1 is '3.0'; class labels are whole numbers in [0, 3)");
    }

    @Test
    void aFractionalClassLabelIsRefused() {
        assertThatThrownBy(() -> update("accuracy", matrix(2, 1, 0, 0, 1), Tensor.vector(0, 0.5f)))
                .hasMessage("accuracy: target at index 1 is '0.5'; class labels are whole numbers in [0, 2)");
    }

    @Test
    void aBinaryTargetOtherThanZeroOrOneIsRefused() {
        assertThatThrownBy(() -> update("precision", Tensor.vector(0.3f, 0.8f), Tensor.vector(1, 2)))
                .hasMessage("precision: target at index 1 is '2.0'; a binary task takes targets 0 or 1"
                        + " (class labels need task=multiclass)");
    }

    @Test
    void nanIsRefusedWithItsIndex() {
        assertThatThrownBy(() -> update("mse", matrix(2, 1, 2, 3, Float.NaN), matrix(2, 1, 2, 3, 4)))
                .hasMessage("mse: prediction at index [1, 1] is 'NaN'; a metric needs numbers"
                        + " (scikit-learn refuses NaN too)");
    }

    @Test
    void regressionShapesThatDoNotFitAreNamed() {
        assertThatThrownBy(() -> update("r2", Tensor.vector(1, 2, 3), Tensor.vector(1, 2)))
                .hasMessage("r2: predictions of shape [3] and targets of shape [2] do not fit; both must have one"
                        + " shape [N] or [N, K] (or be [N] and [N, 1])");
    }

    @Test
    void averageBinaryWithMoreThanTwoClassesSaysWhichAveragesFit() {
        assertThatThrownBy(() -> update("f1", matrix(3, 1, 0, 0, 0, 1, 0), Tensor.vector(0, 1)))
                .hasMessage("f1: average=binary needs two classes but predictions of shape [2, 3] and targets of"
                        + " shape [2] are multiclass with 3 classes; choose average=micro, macro, weighted or none");
    }

    @Test
    void labelPredictionsNeedNumClassesWhereClassesAreCounted() {
        assertThatThrownBy(() -> update("recall(task=multiclass, average=macro)", Tensor.vector(0, 2),
                Tensor.vector(0, 1)))
                .hasMessageStartingWith("recall: predictions of shape [2] are class labels")
                .hasMessageEndingWith("give num_classes, e.g. recall(task=multiclass, num_classes=4)");
    }

    @Test
    void confusionMatrixRefusesMultilabelInputs() {
        assertThatThrownBy(() -> update("confusion_matrix", matrix(2, 1, 0), matrix(2, 1, 0)))
                .hasMessageStartingWith("confusion_matrix: predictions of shape [1, 2] and targets of shape [1, 2]"
                        + " are multilabel, which has no single confusion matrix");
    }

    @Test
    void ndcgRefusesNegativeRelevance() {
        assertThatThrownBy(() -> update("ndcg", matrix(2, 0.5f, 0.1f), matrix(2, 1, -1)))
                .hasMessage("ndcg: target at index [0, 1] is '-1.0'; ndcg takes relevance that is finite and >= 0");
    }

    @Test
    void rankingMetricsNameTheShapesTheyTake() {
        assertThatThrownBy(() -> update("hit_rate", Tensor.vector(0.5f, 0.1f), Tensor.vector(1, 0)))
                .hasMessage("hit_rate: takes predictions [N, M] of scores over M candidate items and targets [N, M]"
                        + " of their relevance, M >= 1, got predictions of shape [2] and targets of shape [2]");
    }

    @Test
    void rocAucTakesBinaryScores() {
        assertThatThrownBy(() -> update("roc_auc", matrix(2, 0.5f, 0.1f), Tensor.vector(1)))
                .hasMessage("roc_auc: takes predictions [N] of scores and targets [N] of 0 or 1, got predictions of"
                        + " shape [1, 2] and targets of shape [1]");
    }

    @Test
    void aBatchUnlikeTheEarlierOnesIsRefusedUntilReset() {
        Metric topK = MetricFixtures.create("top_k_accuracy");
        topK.update(matrix(3, 0.1f, 0.2f, 0.7f), Tensor.vector(2));

        assertThatThrownBy(() -> topK.update(matrix(4, 0.1f, 0.2f, 0.3f, 0.4f), Tensor.vector(2)))
                .hasMessage("top_k_accuracy: predictions of shape [1, 4] and targets of shape [1] have 4 classes but"
                        + " earlier batches had 3; every batch must be alike until reset()");
        topK.reset();
        topK.update(matrix(4, 0.1f, 0.2f, 0.3f, 0.4f), Tensor.vector(2));
    }

    @Test
    void accuracyRefusesABatchOfAnotherTask() {
        Metric accuracy = MetricFixtures.create("accuracy");
        accuracy.update(Tensor.vector(0.7f), Tensor.vector(1));

        assertThatThrownBy(() -> accuracy.update(matrix(2, 0.1f, 0.9f), Tensor.vector(1)))
                .hasMessageContaining("are multiclass with 2 classes but earlier batches were binary");
    }
}
