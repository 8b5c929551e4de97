package dev.descent.optim.transform;

import dev.descent.api.ComponentProvider;
import dev.descent.api.OptimizerProvider;
import dev.descent.optim.BuiltIns;
import dev.descent.testkit.OptimizerContract;
import java.util.List;

/** The testkit's optimizer contract for param_groups: its parameters are named weight and bias. */
class ParameterGroupsContractTest extends OptimizerContract {

    @Override
    protected OptimizerProvider provider() {
        return new ParameterGroupsProvider();
    }

    @Override
    protected List<String> specs() {
        return List.of("param_groups(optimizer=adamw(lr=0.05), groups=[group(match='bias', weight_decay=0)])",
                "param_groups(optimizer=sgd(lr=0.05, momentum=0.9), groups=[group(match='w*', lr=0.01, momentum=0.5)])",
                "param_groups(optimizer=sgd(lr=0.05))");
    }

    @Override
    protected List<ComponentProvider<?>> companions() {
        return BuiltIns.RESOLVER.providers();
    }
}
