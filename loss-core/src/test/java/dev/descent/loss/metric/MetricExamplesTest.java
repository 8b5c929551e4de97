package dev.descent.loss.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.Metric;
import dev.descent.api.Tensor;
import org.junit.jupiter.api.Test;

/** Small examples worked by hand, each with its arithmetic in a comment. */
class MetricExamplesTest {

    private static Metric fed(String spec, Tensor predictions, Tensor targets) {
        Metric metric = MetricFixtures.create(spec);
        metric.update(predictions, targets);
        return metric;
    }

    private static Tensor matrix(int columns, float... values) {
        return Tensor.of(values, values.length / columns, columns);
    }

    @Test
    void binaryAccuracyCountsScoresStrictlyAboveTheThresholdAsPositive() {
        // predicted 0, 1, 1, 0 (0.5 is not above 0.5) against 0, 1, 0, 0: three of four right.
        Metric accuracy = fed("accuracy", Tensor.vector(0.2f, 0.7f, 0.6f, 0.5f), Tensor.vector(0, 1, 0, 0));

        assertThat(accuracy.value()).isEqualTo(0.75);
    }

    @Test
    void multiclassAccuracyTakesTheFirstLargestScore() {
        // argmax 0, 1, 0 (a tie between classes 0 and 1 goes to 0) against 0, 2, 0: two of three.
        Metric accuracy = fed("accuracy", matrix(3, 2, 1, 0, 0, 3, 1, 1, 1, 0), Tensor.vector(0, 2, 0));

        assertThat(accuracy.value()).isCloseTo(2.0 / 3, within(1e-15));
    }

    @Test
    void multilabelAccuracyCountsARowOnlyWhenEveryLabelIsRight() {
        // row 0 predicts [1, 0] = target; row 1 predicts [1, 1] against [1, 0].
        Metric accuracy = fed("accuracy", matrix(2, 0.9f, 0.1f, 0.8f, 0.7f), matrix(2, 1, 0, 1, 0));

        assertThat(accuracy.value()).isEqualTo(0.5);
    }

    @Test
    void f1AveragesOverClassesAsScikitLearnDoes() {
        // labels predicted 0, 1, 2, 2 against 0, 1, 1, 2. Per class (tp, predicted, true): 0 (1, 1, 1) f1 = 1;
        // 1 (1, 1, 2) p = 1, r = 1/2, f1 = 2/3; 2 (1, 2, 1) p = 1/2, r = 1, f1 = 2/3.
        Tensor predicted = Tensor.vector(0, 1, 2, 2);
        Tensor truth = Tensor.vector(0, 1, 1, 2);
        String inputs = "task=multiclass, num_classes=3, average=";

        assertThat(fed("f1(" + inputs + "macro)", predicted, truth).value()).isCloseTo(7.0 / 9, within(1e-15));
        // weighted by support 1, 2, 1: (1 + 2 * 2/3 + 2/3) / 4
        assertThat(fed("f1(" + inputs + "weighted)", predicted, truth).value()).isCloseTo(0.75, within(1e-15));
        // micro: 3 true positives of 4 predictions and 4 targets
        assertThat(fed("f1(" + inputs + "micro)", predicted, truth).value()).isCloseTo(0.75, within(1e-15));
        assertThat(fed("precision(" + inputs + "none)", predicted, truth).compute().data())
                .containsExactly(1f, 1f, 0.5f);
        assertThat(fed("recall(" + inputs + "none)", predicted, truth).compute().data())
                .containsExactly(1f, 0.5f, 1f);
    }

    @Test
    void confusionMatrixHasTrueClassesAsRowsAndPredictionsAsColumns() {
        Metric matrix = fed("confusion_matrix(task=multiclass, num_classes=3)", Tensor.vector(0, 1, 2, 2),
                Tensor.vector(0, 1, 1, 2));

        assertThat(matrix.compute().shape()).containsExactly(3, 3);
        assertThat(matrix.compute().data()).containsExactly(1, 0, 0, 0, 1, 1, 0, 0, 1);
    }

    @Test
    void confusionMatrixIsNotAScalar() {
        Metric matrix = fed("confusion_matrix", Tensor.vector(0.9f), Tensor.vector(1));

        assertThatThrownBy(matrix::value).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("confusion_matrix").hasMessageContaining("[2, 2]");
    }

    @Test
    void rocAucCountsATiedPairAsOneHalf() {
        // positives 0.8, 0.4; negatives 0.4, 0.1: pairs 1 + 1 + 1/2 + 1 of 4.
        Metric auc = fed("roc_auc", Tensor.vector(0.8f, 0.4f, 0.4f, 0.1f), Tensor.vector(1, 1, 0, 0));

        assertThat(auc.value()).isEqualTo(0.875);
    }

    @Test
    void topKAccuracyLooksAtTheKHighestScores() {
        // row 0: class 1 has the second highest score, in the top 2; row 1: class 0 the lowest.
        Metric topK = fed("top_k_accuracy(k=2)", matrix(3, 0.5f, 0.3f, 0.2f, 0.1f, 0.2f, 0.7f), Tensor.vector(1, 0));

        assertThat(topK.value()).isEqualTo(0.5);
    }

    @Test
    void regressionErrorsAverageTheirOutputsUniformly() {
        // errors: output 0 of 3 and 4, output 1 of 1 and 1.
        Tensor predictions = matrix(2, 0, 0, 0, 0);
        Tensor targets = matrix(2, 3, 1, 4, 1);

        assertThat(fed("mse", predictions, targets).value()).isEqualTo((12.5 + 1) / 2);
        assertThat(fed("mae", predictions, targets).value()).isEqualTo((3.5 + 1) / 2);
        // the mean of each output's root mean square, not the root of the overall mean
        assertThat(fed("rmse", predictions, targets).value()).isCloseTo((Math.sqrt(12.5) + 1) / 2, within(1e-15));
    }

    @Test
    void r2IsOneMinusResidualOverTotalSumOfSquares() {
        // targets 1, 2, 3 (mean 2, total 2), predictions 1, 2, 4 (residual 1).
        assertThat(fed("r2", Tensor.vector(1, 2, 4), Tensor.vector(1, 2, 3)).value()).isEqualTo(0.5);
    }

    @Test
    void ndcgDividesTheDiscountedGainByTheIdealOne() {
        // order by score: relevance 0, 1, 2; DCG = 1 / log2(3) + 2 / log2(4); ideal 2 + 1 / log2(3).
        Tensor scores = matrix(3, 0.9f, 0.5f, 0.1f);
        Tensor relevance = matrix(3, 0, 1, 2);
        double discount = 1 / (Math.log(3) / Math.log(2));

        assertThat(fed("ndcg", scores, relevance).value()).isCloseTo((discount + 1) / (2 + discount), within(1e-15));
        assertThat(fed("ndcg(k=1)", scores, relevance).value()).isEqualTo(0);
    }

    @Test
    void hitRateAveragesOverTheOrdersOfTiedScores() {
        // row 0: the relevant item scores highest; row 1: three equal scores, one relevant: a 1 in 3 chance.
        Metric hitRate = fed("hit_rate(k=1)", matrix(3, 0.1f, 0.9f, 0.5f, 0.3f, 0.3f, 0.3f), matrix(3, 0, 1, 0, 1, 0, 0));

        assertThat(hitRate.value()).isCloseTo((1 + 1.0 / 3) / 2, within(1e-15));
    }

    @Test
    void aScalarMetricIsNaNBeforeAnyUpdate() {
        for (String name : new String[] {"accuracy", "f1", "roc_auc", "mse", "r2", "ndcg", "hit_rate"}) {
            assertThat(MetricFixtures.create(name).value()).as(name).isNaN();
        }
    }
}
