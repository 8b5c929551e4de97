package dev.descent.testkit;

import dev.descent.api.LayerProvider;
import dev.descent.api.Tensor;
import dev.descent.testkit.fixture.LookupProvider;
import java.util.random.RandomGenerator;

/** A layer whose input holds indices, checked as a plugin author would: valid indices, scalar examples. */
class IndexLayerContractTest extends LayerContract {

    @Override
    protected LayerProvider provider() {
        return new LookupProvider();
    }

    @Override
    protected int[] inputShape() {
        return new int[0];
    }

    @Override
    protected int batchSize() {
        return 6;
    }

    @Override
    protected Tensor input(int[] shape, RandomGenerator random) {
        return TensorGenerator.integers(0, 4).generate(shape, random);
    }
}
