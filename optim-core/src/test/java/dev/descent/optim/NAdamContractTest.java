package dev.descent.optim;

import dev.descent.api.OptimizerProvider;
import dev.descent.testkit.OptimizerContract;
import java.util.List;

/** The testkit's optimizer contract, as every plugin optimizer keeps it: with defaults, and with a faster momentum decay and weight decay. */
class NAdamContractTest extends OptimizerContract {

    @Override
    protected OptimizerProvider provider() {
        return new NAdamProvider();
    }

    @Override
    protected List<String> specs() {
        return List.of("nadam", "nadam(lr=0.01, momentum_decay=0.1, weight_decay=0.01)");
    }
}
