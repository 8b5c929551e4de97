package dev.descent.loss.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.api.InvalidParameterException;
import dev.descent.api.Metric;
import dev.descent.api.MetricProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class MetricProvidersTest {

    static Stream<Named<MetricProvider>> providers() {
        return MetricFixtures.providers().stream().map(provider -> Named.of(provider.name(), provider));
    }

    @Test
    void serviceLoaderFindsEveryBuiltInMetric() {
        assertThat(MetricFixtures.providers()).extracting(MetricProvider::name).containsExactlyInAnyOrder(
                "accuracy", "top_k_accuracy", "precision", "recall", "f1", "confusion_matrix", "roc_auc",
                "mse", "mae", "rmse", "r2", "hit_rate", "ndcg");
    }

    @ParameterizedTest
    @MethodSource("providers")
    void defaultParamsCreateTheMetricUnderItsCanonicalName(MetricProvider provider) {
        Metric metric = provider.create(Params.defaults("metric '" + provider.name() + "'", provider.params()));

        assertThat(metric.name()).isEqualTo(provider.name());
    }

    @ParameterizedTest
    @MethodSource("providers")
    void descriptionIsOneLineNamingItsScikitLearnDefinitionAndShapes(MetricProvider provider) {
        String description = provider.description();

        assertThat(description).doesNotContain("\n");
        assertThat(description).containsAnyOf("sklearn.metrics.", "no scikit-learn counterpart");
        assertThat(description).contains("predictions").contains("targets").contains("[N");
    }

    @ParameterizedTest
    @MethodSource("providers")
    void everyParameterIsDocumented(MetricProvider provider) {
        for (ParamSpec param : provider.params()) {
            assertThat(param.doc()).as(param.name()).isNotBlank();
        }
    }

    @ParameterizedTest
    @MethodSource("providers")
    void anUnknownParameterIsRefusedListingTheValidOnes(MetricProvider provider) {
        assertThatThrownBy(() -> MetricFixtures.create(provider.name() + "(bogus=1)"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("unknown parameter 'bogus' for metric '" + provider.name() + "'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "accuracy         | task, threshold, num_classes",
        "top_k_accuracy   | k",
        "precision        | task, threshold, num_classes, average, pos_label, zero_division",
        "recall           | task, threshold, num_classes, average, pos_label, zero_division",
        "f1               | task, threshold, num_classes, average, pos_label, zero_division",
        "confusion_matrix | task, threshold, num_classes, normalize",
        "roc_auc          | ''",
        "mse              | ''",
        "mae              | ''",
        "rmse             | ''",
        "r2               | ''",
        "hit_rate         | k",
        "ndcg             | k"})
    void declaresItsParameters(String name, String params) {
        String declared = String.join(", ", MetricFixtures.provider(name).params().stream().map(ParamSpec::name).toList());

        assertThat(declared).isEqualTo(params);
    }

    @Test
    void defaultsFollowScikitLearn() {
        assertThat(MetricFixtures.provider("top_k_accuracy").params().get(0).defaultValue()).isEqualTo(2);
        assertThat(MetricFixtures.provider("f1").params()).filteredOn(p -> p.name().equals("average"))
                .singleElement().extracting(ParamSpec::defaultValue).isEqualTo("binary");
        assertThat(MetricFixtures.provider("hit_rate").params().get(0).defaultValue()).isEqualTo(10);
        assertThat(MetricFixtures.provider("ndcg").params().get(0).isOptional()).isTrue();
        assertThat(MetricFixtures.provider("accuracy").params().get(1).defaultValue()).isEqualTo(0.5);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "top_k_accuracy(k=0)             | parameter 'k' of metric 'top_k_accuracy' must be >= 1, got 0",
        "hit_rate(k=-1)                  | parameter 'k' of metric 'hit_rate' must be >= 1, got -1",
        "ndcg(k=0)                       | parameter 'k' of metric 'ndcg' must be >= 1, got 0",
        "ndcg(k=2.5)                     | parameter 'k' of metric 'ndcg' must be an integer, got 2.5",
        "f1(average=median)              | parameter 'average' of metric 'f1' must be one of binary, micro, macro, weighted, none, got 'median'",
        "precision(pos_label=2)          | parameter 'pos_label' of metric 'precision' must be in [0, 1], got 2",
        "recall(zero_division=0.5)       | parameter 'zero_division' of metric 'recall' must be 0 or 1, got 0.5",
        "accuracy(task=regression)       | parameter 'task' of metric 'accuracy' must be one of auto, binary, multiclass, multilabel, got 'regression'",
        "accuracy(num_classes=0)         | parameter 'num_classes' of metric 'accuracy' must be >= 1, got 0",
        "confusion_matrix(normalize=row) | parameter 'normalize' of metric 'confusion_matrix' must be one of none, true, pred, all, got 'row'"})
    void invalidParameterValuesAreRefusedSayingWhatWouldBeValid(String spec, String message) {
        assertThatThrownBy(() -> MetricFixtures.create(spec))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void confusionMatrixTakesScikitLearnsNormalizeWordsBare() {
        assertThat(MetricFixtures.create("confusion_matrix(normalize=true)")).isNotNull();
        assertThat(MetricFixtures.create("confusion_matrix(normalize=pred)")).isNotNull();
    }
}
