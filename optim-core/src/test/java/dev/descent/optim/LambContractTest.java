package dev.descent.optim;

import dev.descent.api.OptimizerProvider;
import dev.descent.testkit.OptimizerContract;
import java.util.List;

/** The testkit's optimizer contract for lamb: with defaults, and with other betas, eps and weight decay. */
class LambContractTest extends OptimizerContract {

    @Override
    protected OptimizerProvider provider() {
        return new LambProvider();
    }

    @Override
    protected List<String> specs() {
        return List.of("lamb", "lamb(lr=0.01, betas=[0.8, 0.99], eps=1e-8, weight_decay=0.01)");
    }
}
