package dev.descent.testkit;

import static dev.descent.testkit.Results.dump;
import static dev.descent.testkit.Results.failed;
import static dev.descent.testkit.Results.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.ComponentResolver;
import dev.descent.testkit.fixture.ExponentialDecayProvider;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleChecksTest {

    @Test
    void correctSchedulePassesEveryCheck() {
        List<CheckResult> results = ContractChecks.check(new ExponentialDecayProvider(), ComponentResolver.NONE);

        assertThat(failed(results)).as(dump(results)).isEmpty();
        // 0.1 × 0.9^50 = 5.15e-4 is the lowest rate, 0.1 the highest.
        assertThat(only(results, ContractChecks.SCHEDULE_RATES).detail())
                .isEqualTo("rates for t = 0..50 from 0.1 lie in [5.154e-04, 0.1]");
        assertThat(results).hasSize(4);
    }

    @Test
    void negativeRateFailsTheRateCheckAlone() {
        List<CheckResult> results = ContractChecks.check(new ExponentialDecayProvider(true), ComponentResolver.NONE);

        assertThat(failed(results)).containsExactly("schedule rates finite and non-negative [exponential_decay]");
        // 0.1 × (1 - 0.9 × 2) = -0.08 at t = 2, the first negative one.
        assertThat(only(results, ContractChecks.SCHEDULE_RATES).detail())
                .startsWith("learningRate(2, 0.1) is -0.08")
                .endsWith("; expected a finite rate >= 0");
    }

    @Test
    void probesEachBoundOfTheRange() {
        CheckResult parameters = only(ContractChecks.check(new ExponentialDecayProvider(), ComponentResolver.NONE),
                ContractChecks.PARAMETERS);

        // gamma in (0, 1]: 0 is just outside below, 1 + 1e-3 above.
        assertThat(parameters.detail()).isEqualTo("created ['exponential_decay']; refused gamma=0 (outside in (0, 1]),"
                + " gamma=1.001 (outside in (0, 1]), the unknown parameter not_a_parameter=1");
    }
}
