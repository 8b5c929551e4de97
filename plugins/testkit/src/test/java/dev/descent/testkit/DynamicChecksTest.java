package dev.descent.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.api.LossProvider;
import dev.descent.testkit.fixture.SquaredErrorLoss.Defect;
import dev.descent.testkit.fixture.SquaredErrorLossProvider;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class DynamicChecksTest {

    /** Private, so JUnit does not run it as a test class: its failures are what this test looks at. */
    private static final class AccumulatingLossContract extends LossContract {
        @Override
        protected LossProvider provider() {
            return new SquaredErrorLossProvider(Defect.ACCUMULATES);
        }
    }

    private static List<DynamicTest> tests() {
        return new AccumulatingLossContract().contractChecks().toList();
    }

    @Test
    void eachCheckBecomesATestNamedAfterIt() {
        assertThat(tests()).extracting(DynamicTest::getDisplayName).startsWith(
                "describe well-formed",
                "parameters validated",
                "loss value finite [squared_error]");
    }

    @Test
    void failedCheckFailsItsTestWithTheDetail() {
        DynamicTest overwrite = tests().stream()
                .filter(test -> test.getDisplayName().startsWith(ContractChecks.LOSS_GRADIENT_OVERWRITTEN))
                .findFirst().orElseThrow();

        assertThatThrownBy(() -> overwrite.getExecutable().execute())
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("squared_error: a gradient buffer filled with NaN holds NaN");
    }

    @Test
    void passedChecksPass() {
        for (DynamicTest test : tests()) {
            if (!test.getDisplayName().startsWith(ContractChecks.LOSS_GRADIENT_OVERWRITTEN)) {
                assertThatCode(() -> test.getExecutable().execute()).as(test.getDisplayName()).doesNotThrowAnyException();
            }
        }
    }
}
