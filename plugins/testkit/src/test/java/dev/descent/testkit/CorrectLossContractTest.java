package dev.descent.testkit;

import dev.descent.api.LossProvider;
import dev.descent.testkit.fixture.SquaredErrorLossProvider;
import java.util.List;

/** The JUnit layer as a plugin author uses it: each contract check of a correct loss is a passing test. */
class CorrectLossContractTest extends LossContract {

    @Override
    protected LossProvider provider() {
        return new SquaredErrorLossProvider();
    }

    @Override
    protected List<String> specs() {
        return List.of("squared_error", "squared_error(reduction=sum)", "se(reduction=none)");
    }
}
