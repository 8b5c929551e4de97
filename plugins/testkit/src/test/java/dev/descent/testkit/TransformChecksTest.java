package dev.descent.testkit;

import static dev.descent.testkit.Results.dump;
import static dev.descent.testkit.Results.failed;
import static dev.descent.testkit.Results.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.ComponentResolver;
import dev.descent.testkit.fixture.SmoothedGradientProvider;
import dev.descent.testkit.fixture.SmoothedGradientProvider.Flaw;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransformChecksTest {

    @Test
    void correctTransformPassesEveryCheck() {
        List<CheckResult> results = ContractChecks.checkTransform(new SmoothedGradientProvider(),
                TransformCheckConfig.defaults().withSpecs("smoothed", "smoothed(beta=0.9)"));

        assertThat(failed(results)).as(dump(results)).isEmpty();
        assertThat(results).extracting(CheckResult::check).contains(
                "transform keeps gradients finite and parameters unchanged [smoothed]",
                "transform state round trip [smoothed]",
                "transform deterministic [smoothed(beta=0.9)]");
        assertThat(results).hasSize(2 + 2 * 3);
    }

    @Test
    void aTransformIsCheckedAsOneByKind() {
        List<CheckResult> results = ContractChecks.check(new SmoothedGradientProvider(), ComponentResolver.NONE);

        assertThat(failed(results)).as(dump(results)).isEmpty();
        assertThat(results).extracting(CheckResult::check).contains("transform state round trip [smoothed]");
    }

    @Test
    void stateThatLosesTheAveragesFailsTheRoundTripAlone() {
        List<CheckResult> results = ContractChecks.check(new SmoothedGradientProvider(Flaw.LOSES_STATE),
                ComponentResolver.NONE);

        assertThat(failed(results)).containsExactly("transform state round trip [smoothed]");
        assertThat(only(results, ContractChecks.TRANSFORM_STATE).detail())
                .startsWith("step 4 after loadState of the state taken after step 3: gradient 0 of 'weight' is")
                .endsWith(", bit for bit");
    }

    @Test
    void aTransformThatMovesTheParametersFailsTheFiniteCheck() {
        List<CheckResult> results = ContractChecks.check(new SmoothedGradientProvider(Flaw.MOVES_PARAMETERS),
                ComponentResolver.NONE);

        assertThat(failed(results)).containsExactly(
                "transform keeps gradients finite and parameters unchanged [smoothed]");
        assertThat(only(results, ContractChecks.TRANSFORM_FINITE).detail())
                .isEqualTo("beforeStep of step 1 changed the value of parameter 'weight'; a transform may rewrite gradients only,"
                        + " the optimizer moves the parameters");
    }

    @Test
    void aTransformWithRandomStateFailsDeterminism() {
        List<CheckResult> results = ContractChecks.check(new SmoothedGradientProvider(Flaw.NOT_DETERMINISTIC),
                ComponentResolver.NONE);

        assertThat(failed(results)).contains("transform deterministic [smoothed]");
        assertThat(only(results, ContractChecks.TRANSFORM_DETERMINISM).detail())
                .startsWith("step 1 of a second transform of one spec: gradient 0 of 'weight' is");
    }

    @Test
    void infiniteGradientsFailTheFiniteCheck() {
        List<CheckResult> results = ContractChecks.check(new SmoothedGradientProvider(Flaw.DIVIDES_BY_ZERO),
                ComponentResolver.NONE);

        assertThat(failed(results)).contains("transform keeps gradients finite and parameters unchanged [smoothed]");
        assertThat(only(results, ContractChecks.TRANSFORM_FINITE).detail())
                .startsWith("step 1 left a gradient of 'weight' at ").endsWith(" from finite gradients in [-1, 1)");
    }
}
