package org.acme.descent.mish;

import dev.descent.api.LayerProvider;
import dev.descent.api.Tensor;
import dev.descent.testkit.LayerContract;
import dev.descent.testkit.TensorGenerator;
import java.util.random.RandomGenerator;

/** The testkit's layer contract, on inputs wide enough to cover mish's dip below zero and its linear tail. */
class MishContractTest extends LayerContract {

    @Override
    protected LayerProvider provider() {
        return new MishProvider();
    }

    @Override
    protected int[] inputShape() {
        return new int[] {2, 3};
    }

    @Override
    protected Tensor input(int[] shape, RandomGenerator random) {
        return TensorGenerator.uniform(-4, 4).generate(shape, random);
    }
}
