package dev.descent.optim.transform;

import dev.descent.api.TransformProvider;
import java.util.List;

class ClipGradValueContractTest extends TransformContract {

    @Override
    TransformProvider provider() {
        return new ClipGradValueProvider();
    }

    @Override
    List<String> specs() {
        return List.of("clip_grad_value(clip_value=1.0)");
    }
}
