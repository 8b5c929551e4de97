package dev.descent.nn.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.descent.api.Pass;
import dev.descent.api.Tensor;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A training step of a graph model (zero gradients, forward, backward) allocates nothing once the batch
 * sizes have been seen, measured with the JVM's per-thread allocation counter over {@link #STEPS} steps.
 * The bound is a total, not per step: one object of the smallest size (16 bytes) per step would come to
 * 16,000 bytes, while the JVM may allocate a few hundred bytes once (deoptimisation, class loading) on a
 * busy machine.
 */
class SteadyStateAllocationTest {
    private static final int STEPS = 1_000;
    private static final long ONE_OFF_BYTES = 4_096;

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private static long bytesOverAllSteps(GraphModel model, List<Tensor> inputs, List<Tensor> gradients) {
        Pass pass = Pass.training(new SplittableRandom(0));
        Runnable step = () -> {
            model.zeroGradients();
            model.forward(inputs, pass);
            model.backward(gradients);
        };
        for (int i = 0; i < 3_000; i++) {
            step.run();
        }
        // What reading the counter itself allocates, measured the same way.
        long start = allocatedBytes();
        long overhead = allocatedBytes() - start;
        long before = allocatedBytes();
        for (int i = 0; i < STEPS; i++) {
            step.run();
        }
        return allocatedBytes() - before - overhead;
    }

    @Test
    void theRecommendersTrainingStepAllocatesNothing() {
        assumeThat(ManagementFactory.getThreadMXBean()).isInstanceOf(com.sun.management.ThreadMXBean.class);
        GraphModel model = ExampleModels.matrixFactorisation(4, 6, 3, 2).build(new SplittableRandom(1));
        List<Tensor> inputs = List.of(Tensor.of(new float[] {0, 1, 2, 3}, 4, 1),
                Tensor.of(new float[] {0, 1, 2, 3, 4, 5, 1, 2}, 4, 2));
        long bytes = bytesOverAllSteps(model, inputs, List.of(Tensor.zeros(4, 2)));

        assertThat(bytes).as("bytes allocated over %d training steps", STEPS).isLessThan(ONE_OFF_BYTES);
    }

    @Test
    void theTwoHeadTrainingStepAllocatesNothing() {
        assumeThat(ManagementFactory.getThreadMXBean()).isInstanceOf(com.sun.management.ThreadMXBean.class);
        GraphModel model = ExampleModels.twoHeads(4, 8, 3).build(new SplittableRandom(1));
        List<Tensor> inputs = List.of(Tensor.zeros(5, 4));
        long bytes = bytesOverAllSteps(model, inputs, List.of(Tensor.zeros(5, 3), Tensor.zeros(5, 1)));

        assertThat(bytes).as("bytes allocated over %d training steps", STEPS).isLessThan(ONE_OFF_BYTES);
    }
}
