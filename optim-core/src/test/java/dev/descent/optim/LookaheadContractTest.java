package dev.descent.optim;

import dev.descent.api.ComponentProvider;
import dev.descent.api.OptimizerProvider;
import dev.descent.testkit.OptimizerContract;
import java.util.List;

/**
 * The testkit's optimizer contract for lookahead, around adam and sgd with momentum, with a state taken in
 * the middle of a cycle (3 steps of k = 2 and of the default 5).
 */
class LookaheadContractTest extends OptimizerContract {

    @Override
    protected OptimizerProvider provider() {
        return new LookaheadProvider();
    }

    @Override
    protected List<String> specs() {
        return List.of("lookahead", "lookahead(k=2, alpha=0.8, inner=sgd(lr=0.1, momentum=0.9))");
    }

    @Override
    protected List<ComponentProvider<?>> companions() {
        return List.of(new AdamProvider(), new SgdProvider());
    }
}
