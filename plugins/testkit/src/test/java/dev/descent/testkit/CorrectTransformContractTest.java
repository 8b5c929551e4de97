package dev.descent.testkit;

import dev.descent.api.TransformProvider;
import dev.descent.testkit.fixture.SmoothedGradientProvider;
import java.util.List;

class CorrectTransformContractTest extends TransformContract {

    @Override
    protected TransformProvider provider() {
        return new SmoothedGradientProvider();
    }

    @Override
    protected List<String> specs() {
        return List.of("smoothed", "smoothed(beta=0.9)");
    }
}
