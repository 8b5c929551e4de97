package org.acme.descent.guavanew;

import dev.descent.api.LossProvider;
import dev.descent.testkit.LossContract;
import java.util.List;

/**
 * The testkit's loss contract, at an interpolated percentile, at an exact order statistic and at the
 * extreme. The percentile is the reduction itself, so there is no {@code reduction} parameter and the kit
 * skips the reduction identities; {@link #linearReduction} says so all the same.
 */
class PercentileAbsLossContractTest extends LossContract {

    @Override
    protected LossProvider provider() {
        return new PercentileAbsLossProvider();
    }

    @Override
    protected List<String> specs() {
        // 12 errors: 90 * 11 / 100 = 9.9 interpolates; 100 picks the largest
        return List.of("percentile_abs", "percentile_abs(percentile=50)", "percentile_abs(percentile=100)");
    }

    @Override
    protected boolean linearReduction() {
        return false;
    }
}
