package org.acme.descent.guavaold;

import dev.descent.api.LossProvider;
import dev.descent.testkit.LossContract;

/**
 * The testkit's loss contract. The median is the reduction itself, so there is no {@code reduction}
 * parameter and the kit skips the reduction identities; {@link #linearReduction} says so all the same.
 */
class MedianAbsLossContractTest extends LossContract {

    @Override
    protected LossProvider provider() {
        return new MedianAbsLossProvider();
    }

    @Override
    protected boolean linearReduction() {
        return false;
    }
}
