package dev.descent.optim;

import dev.descent.api.OptimizerProvider;
import dev.descent.testkit.OptimizerContract;
import java.util.List;

/** The testkit's optimizer contract, as every plugin optimizer keeps it: with defaults, and with stronger decay and AMSGrad's extra slot. */
class AdamWContractTest extends OptimizerContract {

    @Override
    protected OptimizerProvider provider() {
        return new AdamWProvider();
    }

    @Override
    protected List<String> specs() {
        return List.of("adamw", "adamw(lr=0.01, weight_decay=0.1, amsgrad=true)");
    }
}
