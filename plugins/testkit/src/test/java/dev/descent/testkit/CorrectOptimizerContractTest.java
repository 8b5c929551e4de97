package dev.descent.testkit;

import dev.descent.api.ComponentProvider;
import dev.descent.api.OptimizerProvider;
import dev.descent.testkit.fixture.DelegatingOptimizerProvider;
import dev.descent.testkit.fixture.MomentumSgdProvider;
import java.util.List;

/** A wrapping optimizer whose nested spec names a companion provider. */
class CorrectOptimizerContractTest extends OptimizerContract {

    @Override
    protected OptimizerProvider provider() {
        return new DelegatingOptimizerProvider();
    }

    @Override
    protected List<String> specs() {
        return List.of("delegating(inner=momentum_sgd(lr=0.1, momentum=0.5))");
    }

    @Override
    protected List<ComponentProvider<?>> companions() {
        return List.of(new MomentumSgdProvider());
    }
}
