package dev.descent.optim.transform;

import dev.descent.api.ComponentProvider;
import dev.descent.api.OptimizerProvider;
import dev.descent.optim.BuiltIns;
import dev.descent.testkit.OptimizerContract;
import java.util.List;

/** The testkit's optimizer contract for chain, with a stateful transform in each spec. */
class ChainContractTest extends OptimizerContract {

    @Override
    protected OptimizerProvider provider() {
        return new ChainProvider();
    }

    @Override
    protected List<String> specs() {
        return List.of("chain(clip_grad_norm(max_norm=1.0), sgd(lr=0.05, momentum=0.9))",
                "chain(accumulate(steps=2), ema(decay=0.9), adam(lr=0.05))",
                "chain(add_noise(eta=0.001, seed=3), clip_grad_value(clip_value=2.0), adamw(lr=0.05))");
    }

    @Override
    protected List<ComponentProvider<?>> companions() {
        return BuiltIns.RESOLVER.providers();
    }
}
