package dev.descent.optim;

import dev.descent.api.OptimizerProvider;
import dev.descent.testkit.OptimizerContract;
import java.util.List;

/** The testkit's optimizer contract, as every plugin optimizer keeps it: with defaults, with lr decay and an initial accumulator, and with weight decay. */
class AdagradContractTest extends OptimizerContract {

    @Override
    protected OptimizerProvider provider() {
        return new AdagradProvider();
    }

    @Override
    protected List<String> specs() {
        return List.of("adagrad", "adagrad(lr=0.1, lr_decay=0.01, initial_accumulator_value=0.1)", "adagrad(lr=0.1, weight_decay=0.01)");
    }
}
