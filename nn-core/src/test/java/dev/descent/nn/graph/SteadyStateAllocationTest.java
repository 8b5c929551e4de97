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
 * sizes have been seen, measured with the JVM's per-thread allocation counter.
 */
class SteadyStateAllocationTest {
    private static final int STEPS = 200;

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private static long bytesPerStep(GraphModel model, List<Tensor> inputs, List<Tensor> gradients) {
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
        return (allocatedBytes() - before - overhead) / STEPS;
    }

    @Test
    void theRecommendersTrainingStepAllocatesNothing() {
        assumeThat(ManagementFactory.getThreadMXBean()).isInstanceOf(com.sun.management.ThreadMXBean.class);
        GraphModel model = ExampleModels.matrixFactorisation(4, 6, 3, 2).build(new SplittableRandom(1));
        List<Tensor> inputs = List.of(Tensor.of(new float[] {0, 1, 2, 3}, 4, 1),
                Tensor.of(new float[] {0, 1, 2, 3, 4, 5, 1, 2}, 4, 2));
        long perStep = bytesPerStep(model, inputs, List.of(Tensor.zeros(4, 2)));

        assertThat(perStep).as("bytes allocated per training step").isZero();
    }

    @Test
    void theTwoHeadTrainingStepAllocatesNothing() {
        assumeThat(ManagementFactory.getThreadMXBean()).isInstanceOf(com.sun.management.ThreadMXBean.class);
        GraphModel model = ExampleModels.twoHeads(4, 8, 3).build(new SplittableRandom(1));
        List<Tensor> inputs = List.of(Tensor.zeros(5, 4));
        long perStep = bytesPerStep(model, inputs, List.of(Tensor.zeros(5, 3), Tensor.zeros(5, 1)));

        assertThat(perStep).as("bytes allocated per training step").isZero();
    }
}
