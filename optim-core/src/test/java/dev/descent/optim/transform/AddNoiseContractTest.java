package dev.descent.optim.transform;

import dev.descent.api.TransformProvider;
import java.util.List;

class AddNoiseContractTest extends TransformContract {

    @Override
    TransformProvider provider() {
        return new AddNoiseProvider();
    }

    @Override
    List<String> specs() {
        return List.of("add_noise", "add_noise(eta=1.0, gamma=0.3, seed=42)");
    }
}
