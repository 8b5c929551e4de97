package dev.descent.optim;

import dev.descent.api.OptimizerProvider;
import dev.descent.testkit.OptimizerContract;
import java.util.List;

/** The testkit's optimizer contract for lion: with defaults, and with other betas and weight decay. */
class LionContractTest extends OptimizerContract {

    @Override
    protected OptimizerProvider provider() {
        return new LionProvider();
    }

    @Override
    protected List<String> specs() {
        return List.of("lion", "lion(lr=0.01, betas=[0.5, 0.9], weight_decay=0.1)");
    }
}
