package dev.descent.optim;

import dev.descent.api.OptimizerProvider;
import dev.descent.testkit.OptimizerContract;
import java.util.List;

/** The testkit's optimizer contract, as every plugin optimizer keeps it: with defaults, with weight decay, and with AMSGrad's extra slot. */
class AdamContractTest extends OptimizerContract {

    @Override
    protected OptimizerProvider provider() {
        return new AdamProvider();
    }

    @Override
    protected List<String> specs() {
        return List.of("adam", "adam(lr=0.01, weight_decay=0.01)", "adam(lr=0.01, betas=[0.8, 0.99], amsgrad=true)");
    }
}
