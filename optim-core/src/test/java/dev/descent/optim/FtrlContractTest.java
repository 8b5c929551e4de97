package dev.descent.optim;

import dev.descent.api.OptimizerProvider;
import dev.descent.testkit.OptimizerContract;
import java.util.List;

/** The testkit's optimizer contract for ftrl: with defaults, and with every regularization. */
class FtrlContractTest extends OptimizerContract {

    @Override
    protected OptimizerProvider provider() {
        return new FtrlProvider();
    }

    @Override
    protected List<String> specs() {
        return List.of("ftrl", "ftrl(lr=0.5, lr_power=-0.25, initial_accumulator_value=1, l1=0.01, l2=0.1,"
                + " l2_shrinkage=0.05, beta=0.5)");
    }
}
