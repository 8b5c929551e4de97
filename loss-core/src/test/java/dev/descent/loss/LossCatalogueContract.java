package dev.descent.loss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.LossProvider;
import dev.descent.testkit.CheckResult;
import dev.descent.testkit.ContractChecks;
import dev.descent.testkit.LossCheckConfig;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The testkit's loss contract (finite values, gradient against finite differences at random points, inputs
 * unchanged, gradient overwritten, shape errors, reduction identities, determinism, parameter validation),
 * run for each provider and configuration that a subclass's static {@code contracts()} gives.
 */
abstract class LossCatalogueContract {

    /** Whether a failed check is one the loss fails by design (say why where it is overridden). */
    boolean failsByDesign(LossProvider provider, CheckResult result) {
        return false;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("contracts")
    void keepsTheLossContract(LossProvider provider, LossCheckConfig config) {
        List<CheckResult> results = ContractChecks.checkLoss(provider, config);
        List<CheckResult> failed = results.stream()
                .filter(result -> !result.passed())
                .filter(result -> !failsByDesign(provider, result))
                .toList();

        assertThat(results).isNotEmpty();
        assertThat(failed).isEmpty();
    }
}
