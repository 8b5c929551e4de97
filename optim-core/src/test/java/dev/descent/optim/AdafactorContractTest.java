package dev.descent.optim;

import dev.descent.api.OptimizerProvider;
import dev.descent.testkit.OptimizerContract;
import java.util.List;

/**
 * The testkit's optimizer contract for adafactor, whose quadratic has a [2, 3] weight (factored state) and
 * a [3] bias (whole): with defaults, and with every option.
 */
class AdafactorContractTest extends OptimizerContract {

    @Override
    protected OptimizerProvider provider() {
        return new AdafactorProvider();
    }

    @Override
    protected List<String> specs() {
        return List.of("adafactor", "adafactor(lr=0.1, beta2_decay=-0.5, eps=[1e-6, 0.01], d=1.5, weight_decay=0.1)");
    }
}
