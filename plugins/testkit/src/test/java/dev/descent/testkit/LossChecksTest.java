package dev.descent.testkit;

import static dev.descent.testkit.Results.dump;
import static dev.descent.testkit.Results.failed;
import static dev.descent.testkit.Results.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.ComponentResolver;
import dev.descent.api.ParamSpec;
import dev.descent.api.Tensor;
import dev.descent.testkit.fixture.SquaredErrorLoss.Defect;
import dev.descent.testkit.fixture.SquaredErrorLossProvider;
import java.util.List;
import org.junit.jupiter.api.Test;

class LossChecksTest {

    private static List<CheckResult> check(Defect defect) {
        return ContractChecks.checkLoss(new SquaredErrorLossProvider(defect), LossCheckConfig.defaults());
    }

    @Test
    void correctLossPassesEveryCheck() {
        List<CheckResult> results = ContractChecks.checkLoss(new SquaredErrorLossProvider(),
                LossCheckConfig.defaults().withSpecs("squared_error", "se(reduction=sum)"));

        assertThat(failed(results)).as(dump(results)).isEmpty();
        assertThat(results).extracting(CheckResult::check).contains(
                "describe well-formed",
                "parameters validated",
                "loss value finite [squared_error]",
                "loss gradient matches finite differences [squared_error]",
                "loss leaves its inputs unchanged [squared_error]",
                "loss gradient buffer overwritten, not accumulated [squared_error]",
                "loss shape errors reported clearly [squared_error]",
                "loss reduction consistency [squared_error]",
                "loss deterministic [squared_error]",
                "loss gradient matches finite differences [se(reduction=sum)]");
        assertThat(results).hasSize(2 + 2 * 7);
    }

    @Test
    void gradientTenPercentOffUnderAMeanIsCaught() {
        // Under a mean over 160 elements with |p - t| < 4 the gradient 2 (p - t) / 160 is below 0.05, so a 10%
        // error stays below 0.005: an allowance of 1e-2 * max(1, |g|) would let it pass; 1% of each cannot.
        List<CheckResult> results = ContractChecks.checkLoss(
                new SquaredErrorLossProvider(Defect.SLIGHTLY_WRONG_GRADIENT), LossCheckConfig.defaults().withShape(16, 10));

        assertThat(failed(results)).contains("loss gradient matches finite differences [squared_error]");
    }

    @Test
    void wrongGradientFailsTheGradientCheckAlone() {
        List<CheckResult> results = ContractChecks.checkLoss(new SquaredErrorLossProvider(Defect.WRONG_GRADIENT),
                LossCheckConfig.defaults().withSpecs("squared_error(reduction=sum)"));

        assertThat(failed(results))
                .containsExactly("loss gradient matches finite differences [squared_error(reduction=sum)]");
        // With the sum, the gradient is p - t instead of 2 (p - t): half the finite difference, an error of
        // |p - t| against an allowance of 0.02 |p - t| + 1e-4 |f|, so dozens of times the allowed.
        assertThat(only(results, ContractChecks.LOSS_GRADIENT).detail())
                .containsPattern("error [1-9]\\d(\\.\\d+)? times the allowed")
                .contains("compute gives")
                .contains("finite differences")
                .contains("allowed 0.01 |finite difference| + ");
    }

    @Test
    void accumulatingIntoTheGradientBufferFailsTheOverwriteCheckAlone() {
        List<CheckResult> results = check(Defect.ACCUMULATES);

        assertThat(failed(results)).containsExactly("loss gradient buffer overwritten, not accumulated [squared_error]");
        assertThat(only(results, ContractChecks.LOSS_GRADIENT_OVERWRITTEN).detail())
                .contains("filled with NaN holds NaN at [0, 0]")
                .contains("must overwrite the buffer, not add to it");
    }

    @Test
    void meanOverTheBatchFailsReductionConsistencyAlone() {
        List<CheckResult> results = check(Defect.MEAN_OVER_BATCH);

        assertThat(failed(results)).containsExactly("loss reduction consistency [squared_error]");
        assertThat(only(results, ContractChecks.LOSS_REDUCTION).detail())
                .contains("with n = 12 unreduced values of shape [4, 3]")
                .contains("expected sum = mean × n");
    }

    @Test
    void uncheckedShapesFailTheShapeErrorCheckAlone() {
        List<CheckResult> results = check(Defect.UNCHECKED_SHAPES);

        assertThat(failed(results)).containsExactly("loss shape errors reported clearly [squared_error]");
        assertThat(only(results, ContractChecks.LOSS_SHAPE_ERRORS).detail())
                .contains("predictions [4, 3] and targets [4, 2] threw ArrayIndexOutOfBoundsException")
                .contains("names the loss 'squared_error' and both shapes");
    }

    @Test
    void clearShapeErrorIsQuotedWhenTheCheckPasses() {
        CheckResult result = only(check(Defect.NONE), ContractChecks.LOSS_SHAPE_ERRORS);

        assertThat(result.passed()).isTrue();
        assertThat(result.detail()).contains("squared_error: predictions of shape [4, 3] do not match targets of shape"
                + " [4, 2]");
    }

    @Test
    void invalidChoiceIsProbed() {
        CheckResult parameters = only(check(Defect.NONE), ContractChecks.PARAMETERS);

        assertThat(parameters.detail()).isEqualTo("created ['squared_error']; refused"
                + " reduction=not_a_choice (not one of mean, sum, none), the unknown parameter not_a_parameter=1");
    }

    @Test
    void blankDescriptionFailsDescribeAlone() {
        List<CheckResult> results = ContractChecks.checkLoss(
                new SquaredErrorLossProvider("  ", Defect.NONE, List.of()), LossCheckConfig.defaults());

        assertThat(failed(results)).containsExactly("describe well-formed");
        assertThat(only(results, ContractChecks.DESCRIBE).detail()).contains("description is blank");
    }

    @Test
    void defaultOutOfRangeFailsDescribeAlone() {
        ParamSpec scale = ParamSpec.real("scale", 5.0, "a factor nobody uses").atLeast(0).atMost(1);

        List<CheckResult> results = ContractChecks.checkLoss(
                new SquaredErrorLossProvider("squared error", Defect.NONE, List.of(scale)), LossCheckConfig.defaults());

        assertThat(failed(results)).containsExactly("describe well-formed");
        assertThat(only(results, ContractChecks.DESCRIBE).detail())
                .isEqualTo("parameter 'scale': default '5' is not in [0, 1]");
    }

    @Test
    void everyProblemOfTheDescriptionIsListed() {
        ParamSpec badName = ParamSpec.real("Scale", 1.0, " ");

        List<CheckResult> results = ContractChecks.checkLoss(
                new SquaredErrorLossProvider("two\nlines", Defect.NONE, List.of(badName)), LossCheckConfig.defaults());

        assertThat(only(results, ContractChecks.DESCRIBE).detail())
                .contains("description has a line break")
                .contains("parameter 'Scale' is not snake_case")
                .contains("parameter 'Scale' has a blank doc");
    }

    @Test
    void lossWhoseUnreducedThrowsFailsOnlyTheChecksThatCallIt() {
        SquaredErrorLossProvider provider = new SquaredErrorLossProvider() {
            @Override
            public dev.descent.api.Loss create(dev.descent.api.Params params) {
                dev.descent.api.Loss loss = super.create(params);
                return new dev.descent.api.Loss() {
                    @Override
                    public String name() {
                        return loss.name();
                    }

                    @Override
                    public double compute(Tensor predictions, Tensor targets, Tensor gradient) {
                        return loss.compute(predictions, targets, gradient);
                    }

                    @Override
                    public Tensor unreduced(Tensor predictions, Tensor targets) {
                        throw new UnsupportedOperationException("not yet");
                    }
                };
            }
        };

        List<CheckResult> results = ContractChecks.checkLoss(provider, LossCheckConfig.defaults());

        assertThat(only(results, ContractChecks.LOSS_GRADIENT).passed()).isTrue();
        assertThat(only(results, ContractChecks.LOSS_GRADIENT_OVERWRITTEN).passed()).isTrue();
        assertThat(only(results, ContractChecks.LOSS_FINITE).detail())
                .startsWith("threw UnsupportedOperationException: not yet (at ");
        assertThat(failed(results)).hasSize(5);
    }

    @Test
    void nonLinearReductionChecksOnlyThatNoneReturnsTheSumOfTheValues() {
        List<CheckResult> results = ContractChecks.checkLoss(new SquaredErrorLossProvider(Defect.MEAN_OVER_BATCH),
                LossCheckConfig.defaults().withLinearReduction(false));

        assertThat(failed(results)).isEmpty();
        assertThat(only(results, ContractChecks.LOSS_REDUCTION).detail()).contains("not checked");
    }

    @Test
    void lossWithoutAReductionParameterHasNoReductionCheck() {
        SquaredErrorLossProvider provider = new SquaredErrorLossProvider() {
            @Override
            public List<ParamSpec> params() {
                return List.of();
            }

            @Override
            public dev.descent.api.Loss create(dev.descent.api.Params params) {
                return new dev.descent.testkit.fixture.SquaredErrorLoss(name(), dev.descent.api.Reduction.MEAN,
                        Defect.NONE);
            }
        };

        List<CheckResult> results = ContractChecks.check(provider, ComponentResolver.NONE);

        assertThat(failed(results)).as(dump(results)).isEmpty();
        assertThat(results).noneMatch(result -> result.isCheck(ContractChecks.LOSS_REDUCTION));
    }

    @Test
    void customShapeAndGeneratorsAreUsed() {
        // Predictions in [0.1, 0.9) and targets of shape [2, 5]: the shape error uses [2, 4].
        LossCheckConfig config = LossCheckConfig.defaults().withShape(2, 5)
                .withPredictions(TensorGenerator.uniform(0.1, 0.9));

        List<CheckResult> results = ContractChecks.checkLoss(new SquaredErrorLossProvider(), config);

        assertThat(failed(results)).isEmpty();
        assertThat(only(results, ContractChecks.LOSS_SHAPE_ERRORS).detail())
                .startsWith("predictions [2, 5] with targets [2, 4] are refused");
    }
}
