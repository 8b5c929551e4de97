package dev.descent.optim;

import dev.descent.api.OptimizerProvider;
import dev.descent.testkit.OptimizerContract;
import java.util.List;

/** The testkit's optimizer contract, as every plugin optimizer keeps it: with defaults, and with the rectification starting late (beta2 0.68) and weight decay. */
class RAdamContractTest extends OptimizerContract {

    @Override
    protected OptimizerProvider provider() {
        return new RAdamProvider();
    }

    @Override
    protected List<String> specs() {
        return List.of("radam", "radam(lr=0.01, betas=[0.9, 0.68], weight_decay=0.01)");
    }
}
