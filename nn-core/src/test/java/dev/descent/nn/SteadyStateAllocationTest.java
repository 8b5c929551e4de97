package dev.descent.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.descent.api.Layer;
import dev.descent.api.Pass;
import dev.descent.api.Tensor;
import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A training step in steady state allocates nothing: after a warm-up on both batch sizes of an epoch (a full
 * and a smaller last batch), forward and backward of each layer run many times while the thread's allocated
 * bytes are counted (HotSpot's {@code com.sun.management.ThreadMXBean}).
 */
class SteadyStateAllocationTest {
    private static final int STEPS = 2_000;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"relu", "leaky_relu", "elu", "gelu", "gelu(approximate=tanh)", "sigmoid", "tanh",
            "softplus", "silu", "softmax(dim=1)", "log_softmax(dim=-1)", "dropout", "dropout(p=0)",
            "flatten", "reshape(shape=[-1])", "dense(4, activation=relu)"})
    void aTrainingStepAllocatesNothing(String spec) {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "HotSpot's thread allocation counter");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Layer layer = LayerFixtureTest.create(spec);
        layer.initialize(new int[] {3, 4}, new SplittableRandom(1));
        Pass pass = Pass.training(new SplittableRandom(2));
        Tensor full = GradientCheck.randomTensor(3, 8, 3, 4);
        Tensor last = GradientCheck.randomTensor(4, 5, 3, 4);
        Tensor fullGradient = GradientCheck.randomTensor(5, layer.forward(full, pass).shape());
        Tensor lastGradient = GradientCheck.randomTensor(6, layer.forward(last, pass).shape());
        for (int i = 0; i < STEPS; i++) {
            epochStep(layer, pass, i, full, fullGradient, last, lastGradient);
        }

        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < STEPS; i++) {
            epochStep(layer, pass, i, full, fullGradient, last, lastGradient);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        // Less than one byte a step: one allocation per step would be at least 16 bytes each.
        assertThat(allocated).as("bytes allocated by " + STEPS + " steps of " + spec).isLessThan(STEPS);
    }

    /** Step {@code i} of epochs of 100 steps, the last of each on the smaller batch. */
    private static void epochStep(Layer layer, Pass pass, int i, Tensor full, Tensor fullGradient, Tensor last,
            Tensor lastGradient) {
        boolean isLast = i % 100 == 99;
        layer.forward(isLast ? last : full, pass);
        layer.backward(isLast ? lastGradient : fullGradient, true);
    }
}
