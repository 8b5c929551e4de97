package dev.descent.optim;

import dev.descent.api.OptimizerProvider;
import dev.descent.testkit.OptimizerContract;
import java.util.List;

/** The testkit's optimizer contract, as every plugin optimizer keeps it: with defaults, and with another rho and weight decay. */
class AdadeltaContractTest extends OptimizerContract {

    @Override
    protected OptimizerProvider provider() {
        return new AdadeltaProvider();
    }

    @Override
    protected List<String> specs() {
        return List.of("adadelta", "adadelta(rho=0.5, eps=1e-4, weight_decay=0.01)");
    }
}
