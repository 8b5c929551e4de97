package dev.descent.optim.transform;

import dev.descent.api.TransformProvider;
import dev.descent.testkit.TransformContract;
import java.util.List;

class ClipGradValueContractTest extends TransformContract {

    @Override
    protected TransformProvider provider() {
        return new ClipGradValueProvider();
    }

    @Override
    protected List<String> specs() {
        return List.of("clip_grad_value(clip_value=1.0)");
    }
}
