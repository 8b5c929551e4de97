package dev.descent.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.descent.api.Layer;
import dev.descent.api.Pass;
import dev.descent.api.Tensor;
import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Batch norm, layer norm and embedding allocate nothing per batch once they have seen both batch sizes of
 * an epoch (a full one and the smaller last one): measured with HotSpot's per-thread allocation counter.
 */
class NormAllocationTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "batch_norm | 3,4,4 | false",
        "batch_norm(affine=false, track_running_stats=false) | 3,5 | false",
        "layer_norm(dims=2) | 2,3,4 | false",
        "embedding(num_embeddings=10, embedding_dim=4, padding_idx=0) | 6 | true",
    })
    void aTrainingStepInSteadyStateAllocatesNothing(String spec, String shape, boolean indices) {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "HotSpot's allocation counter");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());

        int[] perExample = java.util.Arrays.stream(shape.split(",")).mapToInt(Integer::parseInt).toArray();
        Layer layer = LayerFixtureTest.create(spec);
        layer.initialize(perExample, new SplittableRandom(1));
        Tensor[] inputs = {batch(8, perExample, indices), batch(5, perExample, indices)};
        Tensor[] gradients = new Tensor[2];
        for (int i = 0; i < 2; i++) {
            gradients[i] = Tensor.zeros(layer.forward(inputs[i], Pass.INFERENCE).shape());
            gradients[i].fill(0.5f);
        }
        Pass training = Pass.training(new SplittableRandom(2));
        long thread = Thread.currentThread().getId();
        for (int warm = 0; warm < 3; warm++) {
            steps(layer, inputs, gradients, training);
        }
        long before = threads.getThreadAllocatedBytes(thread);
        long baseline = threads.getThreadAllocatedBytes(thread) - before;
        before = threads.getThreadAllocatedBytes(thread);
        steps(layer, inputs, gradients, training);
        long allocated = threads.getThreadAllocatedBytes(thread) - before - baseline;

        assertThat(allocated).as("bytes allocated by 10 training steps and inferences of %s", spec).isZero();
    }

    private static void steps(Layer layer, Tensor[] inputs, Tensor[] gradients, Pass training) {
        for (int step = 0; step < 10; step++) {
            int i = step % 2;
            layer.forward(inputs[i], training);
            layer.backward(gradients[i], true);
            layer.forward(inputs[i], Pass.INFERENCE);
        }
    }

    private static Tensor batch(int n, int[] perExample, boolean indices) {
        int[] shape = new int[perExample.length + 1];
        shape[0] = n;
        System.arraycopy(perExample, 0, shape, 1, perExample.length);
        Tensor tensor = Tensor.zeros(shape);
        SplittableRandom random = new SplittableRandom(n);
        float[] data = tensor.data();
        for (int i = 0; i < data.length; i++) {
            data[i] = indices ? random.nextInt(10) : (float) random.nextDouble(-1, 2);
        }
        return tensor;
    }
}
