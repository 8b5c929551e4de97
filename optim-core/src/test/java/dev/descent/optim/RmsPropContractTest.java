package dev.descent.optim;

import dev.descent.api.OptimizerProvider;
import dev.descent.testkit.OptimizerContract;
import java.util.List;

/** The testkit's optimizer contract, as every plugin optimizer keeps it: with defaults, with momentum, and centered with momentum and weight decay. */
class RmsPropContractTest extends OptimizerContract {

    @Override
    protected OptimizerProvider provider() {
        return new RmsPropProvider();
    }

    @Override
    protected List<String> specs() {
        return List.of("rmsprop", "rmsprop(lr=0.001, momentum=0.9)", "rmsprop(lr=0.001, momentum=0.5, centered=true, weight_decay=0.01)");
    }
}
