package org.acme.descent.wing;

import dev.descent.api.LossProvider;
import dev.descent.testkit.LossContract;
import java.util.List;

/**
 * The testkit's loss contract. The default w = 10 keeps the random errors (within ±4) on the logarithmic
 * branch; w = 1 puts many on the linear one as well.
 */
class WingLossContractTest extends LossContract {

    @Override
    protected LossProvider provider() {
        return new WingLossProvider();
    }

    @Override
    protected List<String> specs() {
        return List.of("wing", "wing(w=1, epsilon=0.5, reduction=sum)");
    }
}
