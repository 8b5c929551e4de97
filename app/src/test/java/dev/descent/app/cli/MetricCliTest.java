package dev.descent.app.cli;

import static dev.descent.app.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.app.cli.CliTest.Run;
import org.junit.jupiter.api.Test;

/** {@code descent list metrics}, {@code describe} and {@code metric} with the built-in metrics. */
class MetricCliTest {

    @Test
    void listMetricsShowsEveryBuiltIn() {
        Run run = run("list", "metrics");

        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("metrics (13)");
        assertThat(run.out()).contains("accuracy", "top_k_accuracy", "precision", "recall", "f1", "confusion_matrix",
                "roc_auc", "mse", "mae", "rmse", "r2", "hit_rate", "ndcg");
    }

    @Test
    void describeF1NamesScikitLearnsDefinitionAndTheAverages() {
        Run run = run("describe", "f1");

        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("f1 (metric, built-in)")
                .contains("sklearn.metrics.f1_score")
                .contains("average", "one of binary, micro, macro, weighted, none");
    }

    @Test
    void describeOfANameThatIsBothALossAndAMetricShowsBoth() throws Exception {
        JsonNode json = run("describe", "mae", "--json").json();

        assertThat(json.isArray()).isTrue();
        assertThat(json.findValuesAsText("kind")).containsExactly("loss", "metric");
        assertThat(json.get(0).get("name").asText()).isEqualTo("l1");
        assertThat(json.get(1).get("name").asText()).isEqualTo("mae");
    }

    @Test
    void accuracyOfMulticlassScoresTakesTheArgmax() {
        // argmax of the rows: 1, 0, 1 against 1, 0, 0: two of three.
        Run run = run("metric", "accuracy", "--pred", "0.1,0.9;0.8,0.2;0.3,0.7", "--target", "1,0,0");

        assertThat(run.status()).isZero();
        assertThat(run.out()).isEqualToIgnoringNewLines("accuracy = 0.66667");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void accuracyAsJson() throws Exception {
        Run run = run("metric", "accuracy", "--pred", "0.2,0.7,0.6,0.4", "--target", "0,1,0,0", "--json");

        JsonNode json = run.json();
        assertThat(json.get("metric").asText()).isEqualTo("accuracy");
        assertThat(json.get("value").asDouble()).isEqualTo(0.75);
        assertThat(json.get("shape").toString()).isEqualTo("[]");
    }

    @Test
    void macroF1OfClassLabels() throws Exception {
        // per class f1 1, 2/3, 2/3: macro 7/9 (worked in MetricExamplesTest)
        Run run = run("metric", "f1(task=multiclass, num_classes=3, average=macro)", "--pred", "0,1,2,2", "--target",
                "0,1,1,2", "--json");

        assertThat(run.status()).isZero();
        assertThat(run.json().get("value").asDouble()).isEqualTo(0.77778);
    }

    @Test
    void confusionMatrixPrintsAMatrix() throws Exception {
        Run run = run("metric", "confusion_matrix", "--pred", "0.1,0.9;0.8,0.2;0.3,0.7", "--target", "1,0,0", "--json");

        assertThat(run.json().get("value").toString()).isEqualTo("[[1,1],[0,1]]");
        assertThat(run.json().get("shape").toString()).isEqualTo("[2,2]");
    }

    @Test
    void badTargetsAreOneLineOnStandardErrorWithStatus1() {
        Run run = run("metric", "f1", "--pred", "0,1,2,2", "--target", "0,1,1,2");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualToIgnoringNewLines("descent metric: f1: target at index 3 is '2.0'; a binary task"
                + " takes targets 0 or 1 (class labels need task=multiclass)");
    }
}
