package org.acme.descent.adabelief;

import dev.descent.api.ComponentProvider;
import dev.descent.api.OptimizerProvider;
import dev.descent.testkit.OptimizerContract;
import java.util.List;

/** The testkit's optimizer contract for the wrapper, around this plugin's adabelief. */
class GradientCentralizationContractTest extends OptimizerContract {

    @Override
    protected OptimizerProvider provider() {
        return new GradientCentralizationProvider();
    }

    @Override
    protected List<String> specs() {
        return List.of("gradient_centralization", "gradient_centralization(inner=adabelief(lr=0.01, amsgrad=true))");
    }

    /** What {@code inner=} may name: the default inner spec is {@code adabelief}. */
    @Override
    protected List<ComponentProvider<?>> companions() {
        return List.of(new AdaBeliefProvider());
    }
}
