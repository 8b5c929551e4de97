package org.acme.descent.adabelief;

import dev.descent.api.OptimizerProvider;
import dev.descent.testkit.OptimizerContract;
import java.util.List;

/** The testkit's optimizer contract, with each kind of weight decay and with AMSGrad's extra state. */
class AdaBeliefContractTest extends OptimizerContract {

    @Override
    protected OptimizerProvider provider() {
        return new AdaBeliefProvider();
    }

    @Override
    protected List<String> specs() {
        return List.of("adabelief", "adabelief(lr=0.01, weight_decay=0.01)",
                "adabelief(lr=0.01, weight_decay=0.01, weight_decouple=false, amsgrad=true)",
                "adabelief(lr=0.01, weight_decay=0.1, fixed_decay=true)");
    }
}
