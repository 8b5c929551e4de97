package dev.descent.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.app.Descent;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The CLI run in-process: what it prints and the exit status. */
class CliTest {
    private static final Descent DESCENT = Descent.builder().build();

    record Run(int status, String out, String err) {
        JsonNode json() throws Exception {
            return DescentCommand.JSON.readTree(out);
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = DescentCommand.execute(new DescentCommand(() -> DESCENT), new PrintWriter(out), new PrintWriter(err),
                args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void seedMseExampleIs0075Not006() {
        // (0.1^2 + 0.2^2 + 0.3^2 + 0.4^2) / 4 = 0.3 / 4 = 0.075. An article in circulation says 0.06.
        Run run = run("loss", "mse", "--pred", "2.1,4.2,6.3,8.4", "--target", "2,4,6,8");

        assertThat(run.status()).isZero();
        assertThat(run.out()).isEqualToIgnoringNewLines("mse = 0.075");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void jsonOutputIsOneObjectWithValueShapeAndGradient() throws Exception {
        // d/dp mean((p - t)^2) = 2 (p - t) / 4: 0.05, 0.1, 0.15, 0.2
        Run run = run("loss", "mse", "--pred", "2.1,4.2,6.3,8.4", "--target", "2,4,6,8", "--grad", "--json");

        assertThat(run.status()).isZero();
        assertThat(run.out().strip()).doesNotContain("\n");
        JsonNode json = run.json();
        assertThat(json.get("loss").asText()).isEqualTo("mse");
        assertThat(json.get("value").asDouble()).isEqualTo(0.075);
        assertThat(json.get("shape").toString()).isEqualTo("[4]");
        assertThat(json.get("gradient").toString()).isEqualTo("[0.05,0.1,0.15,0.2]");
    }

    @Test
    void moreDigitsShowTheFloatRoundingOfTheInputs() {
        // In float 2.1 - 2 = 0.099999905, 4.2 - 4 = 0.19999981, 6.3 - 6 = 0.3000002, 8.4 - 8 = 0.39999962;
        // their squares sum to 0.29999971, a quarter of which is 0.074999928.
        Run run = run("loss", "mse", "--pred", "2.1,4.2,6.3,8.4", "--target", "2,4,6,8", "--digits", "8");

        assertThat(run.out()).isEqualToIgnoringNewLines("mse = 0.074999928");
    }

    @Test
    void digitsOutOfRangeAreRefused() {
        Run run = run("loss", "mse", "--pred", "1", "--target", "1", "--digits", "0");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).isEqualToIgnoringNewLines("descent loss: --digits must be between 1 and 17, got 0");
    }

    @Test
    void matrixIsWrittenWithSemicolonsBetweenRows() throws Exception {
        // |0.1-0| + |0.9-1| + |0.8-1| + |0.2-0| = 0.1 + 0.1 + 0.2 + 0.2 = 0.6
        Run run = run("loss", "l1(reduction=sum)", "--pred", "0.1,0.9;0.8,0.2", "--target", "0,1;1,0", "--grad", "--json");

        JsonNode json = run.json();
        assertThat(json.get("value").asDouble()).isEqualTo(0.6);
        assertThat(json.get("shape").toString()).isEqualTo("[2,2]");
        assertThat(json.get("gradient").toString()).isEqualTo("[[1,-1],[-1,1]]");
    }

    @Test
    void reductionNonePrintsTheValuesThemselves() {
        Run run = run("loss", "mse(reduction=none)", "--pred", "1,2", "--target", "0,0");

        assertThat(run.out()).isEqualToIgnoringNewLines("mse = 1, 4");
    }

    @Test
    void aliasWorksOnTheCommandLine() {
        // mean(|0.5|, |1.5|) = 1
        Run run = run("loss", "mae", "--pred", "0.5,1.5", "--target", "0,0");

        assertThat(run.out()).isEqualToIgnoringNewLines("l1 = 1");
    }

    @Test
    void unknownLossIsOneLineWithASuggestionAndStatus1() {
        Run run = run("loss", "mse2", "--pred", "1", "--target", "1");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).isEqualToIgnoringNewLines("descent loss: unknown loss 'mse2'; did you mean 'mse'?");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void malformedSpecPointsAtTheColumn() {
        Run run = run("loss", "mse(reduction=sum", "--pred", "1", "--target", "1");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).isEqualToIgnoringNewLines(
                "descent loss: malformed spec 'mse(reduction=sum': expected ')' at column 18");
    }

    @Test
    void shapesThatDoNotFitNameBothShapes() {
        Run run = run("loss", "mse", "--pred", "1,2,3", "--target", "1,2");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("mse").contains("[3]").contains("[2]");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void nonNumberNamesTheOptionAndValue() {
        Run run = run("loss", "mse", "--pred", "1,x,3", "--target", "1,2,3");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).isEqualToIgnoringNewLines("descent loss: --pred: value 2 'x' is not a number");
    }

    @Test
    void raggedMatrixIsRefused() {
        Run run = run("loss", "mse", "--pred", "1,2;3", "--target", "1,2;3,4");

        assertThat(run.err()).isEqualToIgnoringNewLines(
                "descent loss: --pred: row 2 has 1 values but row 1 has 2; every row of a matrix needs the same number");
    }

    @Test
    void invalidParameterIsOneLine() {
        Run run = run("loss", "mse(reduction=avg)", "--pred", "1", "--target", "1");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).startsWith("descent loss: parameter 'reduction' of loss 'mse' must be one of mean, sum, none");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void verboseShowsTheStackTrace() {
        Run run = run("--verbose", "loss", "mse2", "--pred", "1", "--target", "1");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("UnknownNameException").contains("\tat ");
    }

    @Test
    void missingOptionIsAUsageErrorWithStatus2() {
        Run run = run("loss", "mse", "--pred", "1");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).isEqualToIgnoringNewLines(
                "descent loss: Missing required option: '--target=VALUES' (see 'descent loss --help')");
    }

    @Test
    void negativeNumbersAreValuesNotOptions() {
        // mean((-1 - 1)^2, (2 - 0)^2) = (4 + 4) / 2 = 4
        Run run = run("loss", "mse", "--pred", "-1,2", "--target", "1,0");

        assertThat(run.out()).isEqualToIgnoringNewLines("mse = 4");
    }

    @Test
    void listShowsEveryKindWithAliases() {
        Run run = run("list");

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("losses (").contains("optimizers (").contains("layers (").contains("schedules (")
                .contains("l1 (mae)").contains("linear (dense)").contains("sgd");
    }

    @Test
    void listOfOneKindShowsOnlyThatKind() {
        Run run = run("list", "optimizers");

        assertThat(run.out()).contains("sgd").doesNotContain("mse").doesNotContain("losses");
    }

    @Test
    void listOfTransformsShowsTheBuiltInGradientTransforms() {
        Run run = run("list", "transforms");

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("transforms (5)").contains("clip_grad_norm").contains("accumulate")
                .contains("ema").doesNotContain("adam");
    }

    @Test
    void aChainOfATransformAndAnOptimizerIsDescribedAndCreated() {
        Run run = run("describe", "chain");

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("example: chain(<list of gradient transform specs>)");
        assertThat(Descent.builder().build().optimizers().create("chain(clip_grad_norm(max_norm=1.0), adam(lr=0.01))"))
                .hasToString("chain(clip_grad_norm(max_norm=1, norm_type=2, error_if_nonfinite=false), adam(lr=0.01,"
                        + " betas=[0.9, 0.999], eps=1.0E-8, weight_decay=0, amsgrad=false, maximize=false))");
    }

    @Test
    void listOfUnknownKindSaysWhatIsValid() {
        Run run = run("list", "lossez");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).isEqualToIgnoringNewLines(
                "descent list: unknown kind 'lossez'; expected one of losses, optimizers, layers, schedules, metrics,"
                        + " transforms");
    }

    @Test
    void describeShowsParametersWithTypesDefaultsAndRanges() {
        Run run = run("describe", "sgd");

        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("sgd (optimizer, built-in)")
                .containsPattern("lr +number >= 0 +default 0.001")
                .containsPattern("nesterov +boolean +default false")
                .contains("example: sgd(");
    }

    @Test
    void describeOfLinearShowsItsInitializerParameter() throws Exception {
        Run text = run("describe", "linear");
        Run json = run("describe", "linear", "--json");

        assertThat(text.status()).isZero();
        assertThat(text.out()).containsPattern("init +initializer spec +default kaiming_uniform\\(a=2\\.236")
                .contains("one of kaiming_normal, kaiming_uniform, normal, ones, uniform, xavier_normal,");
        JsonNode init = null;
        for (JsonNode param : json.json().get("parameters")) {
            if (param.get("name").asText().equals("init")) {
                init = param;
            }
        }
        assertThat(init).isNotNull();
        assertThat(init.get("type").asText()).isEqualTo("initializer spec");
    }

    @Test
    void describeOfAnAliasDescribesTheCanonicalComponent() throws Exception {
        // log_loss, not mae: mae is also the name of a metric, so describe shows both (MetricCliTest).
        Run run = run("describe", "log_loss", "--json");

        JsonNode json = run.json();
        assertThat(json.get("name").asText()).isEqualTo("bce");
        assertThat(json.get("kind").asText()).isEqualTo("loss");
        assertThat(json.get("parameters").get(0).get("name").asText()).isEqualTo("weight");
    }

    @Test
    void describeSaysWhenToUseALoss() throws Exception {
        Run text = run("describe", "huber");
        Run json = run("describe", "huber", "--json");

        assertThat(text.out()).contains("when to use: Regression with outliers");
        assertThat(json.json().get("when_to_use").asText()).startsWith("Regression with outliers");
    }

    @Test
    void describeOfUnknownNameSuggests() {
        Run run = run("describe", "sgdd");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).isEqualToIgnoringNewLines("descent describe: unknown component 'sgdd'; did you mean 'sgd'?");
    }

    @Test
    void metricCommandEvaluatesARegisteredMetric() throws Exception {
        Descent withMetric = Descent.builder().modules(new com.google.inject.AbstractModule() {
            @Override
            protected void configure() {
                com.google.inject.multibindings.MapBinder.newMapBinder(binder(), String.class,
                        dev.descent.api.MetricProvider.class).addBinding("matches").toInstance(new MatchesProvider());
            }
        }).build();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        // predictions equal to targets in 2 of 3 places
        int status = DescentCommand.execute(new DescentCommand(() -> withMetric), new PrintWriter(out),
                new PrintWriter(err), "metric", "matches", "--pred", "1,2,3", "--target", "1,0,3", "--json");

        assertThat(status).isZero();
        JsonNode json = DescentCommand.JSON.readTree(out.toString());
        assertThat(json.get("metric").asText()).isEqualTo("matches");
        assertThat(json.get("value").asDouble()).isEqualTo(2.0);
        assertThat(json.get("shape").toString()).isEqualTo("[]");
    }

    /** Counts the places where prediction and target are equal. */
    static final class MatchesProvider implements dev.descent.api.MetricProvider {
        @Override
        public String name() {
            return "matches";
        }

        @Override
        public String description() {
            return "how many predictions equal their targets";
        }

        @Override
        public dev.descent.api.Metric create(dev.descent.api.Params params) {
            return new dev.descent.api.Metric() {
                private int count;

                @Override
                public String name() {
                    return "matches";
                }

                @Override
                public void update(dev.descent.api.Tensor predictions, dev.descent.api.Tensor targets) {
                    for (int i = 0; i < predictions.size(); i++) {
                        count += predictions.data()[i] == targets.data()[i] ? 1 : 0;
                    }
                }

                @Override
                public dev.descent.api.Tensor compute() {
                    return dev.descent.api.Tensor.scalar(count);
                }

                @Override
                public void reset() {
                    count = 0;
                }
            };
        }
    }

    @Test
    void versionNamesTheApiVersion() {
        Run run = run("--version");

        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("descent ").contains("(API 2.0");
    }

    @Test
    void helpOfEveryCommandSucceeds() {
        for (String command : new String[] {"list", "describe", "loss", "metric", "plugins"}) {
            Run run = run(command, "--help");
            assertThat(run.status()).as(command).isZero();
            assertThat(run.out()).as(command).contains("Usage: descent " + command);
        }
    }
}
