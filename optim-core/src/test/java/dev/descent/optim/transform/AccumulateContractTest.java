package dev.descent.optim.transform;

import dev.descent.api.TransformProvider;
import java.util.List;

class AccumulateContractTest extends TransformContract {

    @Override
    TransformProvider provider() {
        return new AccumulateProvider();
    }

    @Override
    List<String> specs() {
        return List.of("accumulate(steps=1)", "accumulate(steps=4)");
    }
}
