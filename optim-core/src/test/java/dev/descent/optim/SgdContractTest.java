package dev.descent.optim;

import dev.descent.api.OptimizerProvider;
import dev.descent.testkit.OptimizerContract;
import java.util.List;

/** The testkit's optimizer contract, as every plugin optimizer keeps it: plain, with momentum and dampening, and with Nesterov momentum and weight decay. */
class SgdContractTest extends OptimizerContract {

    @Override
    protected OptimizerProvider provider() {
        return new SgdProvider();
    }

    @Override
    protected List<String> specs() {
        return List.of("sgd", "sgd(lr=0.01, momentum=0.9, dampening=0.1)", "sgd(lr=0.01, momentum=0.9, nesterov=true, weight_decay=0.01)");
    }
}
