package dev.descent.optim.transform;

import dev.descent.api.TransformProvider;
import dev.descent.testkit.TransformContract;
import java.util.List;

class EmaContractTest extends TransformContract {

    @Override
    protected TransformProvider provider() {
        return new EmaProvider();
    }

    @Override
    protected List<String> specs() {
        return List.of("ema", "ema(decay=0.5)");
    }
}
