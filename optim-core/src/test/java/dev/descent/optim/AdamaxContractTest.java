package dev.descent.optim;

import dev.descent.api.OptimizerProvider;
import dev.descent.testkit.OptimizerContract;
import java.util.List;

/** The testkit's optimizer contract, as every plugin optimizer keeps it: with defaults, and with other betas and weight decay. */
class AdamaxContractTest extends OptimizerContract {

    @Override
    protected OptimizerProvider provider() {
        return new AdamaxProvider();
    }

    @Override
    protected List<String> specs() {
        return List.of("adamax", "adamax(lr=0.01, betas=[0.8, 0.99], weight_decay=0.01)");
    }
}
