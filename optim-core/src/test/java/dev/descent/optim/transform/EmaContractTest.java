package dev.descent.optim.transform;

import dev.descent.api.TransformProvider;
import java.util.List;

class EmaContractTest extends TransformContract {

    @Override
    TransformProvider provider() {
        return new EmaProvider();
    }

    @Override
    List<String> specs() {
        return List.of("ema", "ema(decay=0.5)");
    }
}
