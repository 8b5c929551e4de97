package dev.descent.optim.transform;

import dev.descent.api.TransformProvider;
import dev.descent.testkit.TransformContract;
import java.util.List;

class ClipGradNormContractTest extends TransformContract {

    @Override
    protected TransformProvider provider() {
        return new ClipGradNormProvider();
    }

    @Override
    protected List<String> specs() {
        return List.of("clip_grad_norm(max_norm=1.0)", "clip_grad_norm(max_norm=2.0, norm_type=inf)",
                "clip_grad_norm(max_norm=0.5, norm_type=1.5)");
    }
}
