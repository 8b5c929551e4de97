package dev.descent.optim.transform;

import dev.descent.api.TransformProvider;
import dev.descent.testkit.TransformContract;
import java.util.List;

class AddNoiseContractTest extends TransformContract {

    @Override
    protected TransformProvider provider() {
        return new AddNoiseProvider();
    }

    @Override
    protected List<String> specs() {
        return List.of("add_noise", "add_noise(eta=1.0, gamma=0.3, seed=42)");
    }
}
