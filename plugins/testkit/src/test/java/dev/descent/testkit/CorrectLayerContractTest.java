package dev.descent.testkit;

import dev.descent.api.LayerProvider;
import dev.descent.api.Tensor;
import dev.descent.testkit.fixture.AffineProvider;
import java.util.random.RandomGenerator;

/** A layer checked with its default spec, affine(out_features=3), on inputs of 4 features. */
class CorrectLayerContractTest extends LayerContract {

    @Override
    protected LayerProvider provider() {
        return new AffineProvider();
    }

    @Override
    protected int[] inputShape() {
        return new int[] {4};
    }

    @Override
    protected Tensor input(int[] shape, RandomGenerator random) {
        return TensorGenerator.uniform(-3, 3).generate(shape, random);
    }
}
