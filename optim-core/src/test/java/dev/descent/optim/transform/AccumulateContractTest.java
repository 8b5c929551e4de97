package dev.descent.optim.transform;

import dev.descent.api.TransformProvider;
import dev.descent.testkit.TransformContract;
import java.util.List;

class AccumulateContractTest extends TransformContract {

    @Override
    protected TransformProvider provider() {
        return new AccumulateProvider();
    }

    @Override
    protected List<String> specs() {
        return List.of("accumulate(steps=1)", "accumulate(steps=4)");
    }
}
