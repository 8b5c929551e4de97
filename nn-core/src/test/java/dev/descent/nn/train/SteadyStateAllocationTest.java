package dev.descent.nn.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.Loss;
import dev.descent.api.Optimizer;
import dev.descent.api.Parameter;
import dev.descent.api.State;
import dev.descent.api.Tensor;
import dev.descent.nn.Linear;
import dev.descent.nn.Relu;
import dev.descent.nn.Sequential;
import java.util.List;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The steps of a warmed-up epoch allocate nothing in the Trainer, the batches and the layers (DESIGN.md:
 * buffers are owned and reused). The loss and the optimizer are plain test doubles, so that what they
 * allocate (loss-core's Vector API kernels box where C2 does not intrinsify a conversion; optim-core checks
 * the parameter names with a HashSet on every step) does not hide what this module allocates.
 */
class SteadyStateAllocationTest {

    /** Measures the bytes this thread allocates between the first and the last batch of the last epoch. */
    private static final class AllocationProbe implements Callback {
        private final com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        private final int lastEpoch;
        private long start;
        long allocated = -1;

        AllocationProbe(int lastEpoch) {
            this.lastEpoch = lastEpoch;
        }

        @Override
        public void onBatchEnd(TrainingContext context, int batch, double loss) {
            if (context.epoch() != lastEpoch) {
                return;
            }
            if (batch == 0) {
                start = threads.getCurrentThreadAllocatedBytes();
            } else if (batch == context.batchesPerEpoch() - 1) {
                allocated = threads.getCurrentThreadAllocatedBytes() - start;
            }
        }
    }

    @Test
    void theBatchesOfAWarmedUpEpochAllocateNothing() {
        Assumptions.assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
        int epochs = 40;
        AllocationProbe probe = new AllocationProbe(epochs - 1);
        Sequential model = Sequential.of(new Linear(4, 16), new Relu(), new Linear(16, 3));
        // 203 examples in batches of 8: a last batch of 3, so both sizes are exercised every epoch.
        Trainer trainer = Trainer.builder().model(model).loss(new PlainMse()).optimizer(new PlainSgd(0.01))
                .epochs(epochs).batchSize(8).callback(probe).build();

        trainer.fit(TrainerFitTest.regression(203, 1));

        // 25 batches measured; the smallest object is 16 bytes, so this bound means less than one object per batch
        // (a stray one-off allocation of the JIT's, a few dozen bytes, is tolerated).
        assertThat(probe.allocated).isNotNegative().isLessThan(16L * 25);
    }

    /** Mean squared error in a plain loop. */
    private static final class PlainMse implements Loss {
        @Override
        public String name() {
            return "plain_mse";
        }

        @Override
        public double compute(Tensor predictions, Tensor targets, Tensor gradient) {
            float[] p = predictions.data();
            float[] t = targets.data();
            double sum = 0;
            for (int i = 0; i < p.length; i++) {
                double e = p[i] - t[i];
                sum += e * e;
                if (gradient != null) {
                    gradient.data()[i] = (float) (2 * e / p.length);
                }
            }
            return sum / p.length;
        }

        @Override
        public Tensor unreduced(Tensor predictions, Tensor targets) {
            throw new UnsupportedOperationException();
        }
    }

    /** p -= lr * g in a plain loop. */
    private static final class PlainSgd implements Optimizer {
        private double lr;

        PlainSgd(double lr) {
            this.lr = lr;
        }

        @Override
        public void step(List<Parameter> parameters) {
            for (int i = 0, n = parameters.size(); i < n; i++) {
                float[] p = parameters.get(i).value().data();
                float[] g = parameters.get(i).gradient().data();
                for (int j = 0; j < p.length; j++) {
                    p[j] -= (float) lr * g[j];
                }
            }
        }

        @Override
        public double learningRate() {
            return lr;
        }

        @Override
        public void setLearningRate(double learningRate) {
            lr = learningRate;
        }

        @Override
        public State state() {
            return State.empty();
        }

        @Override
        public void loadState(State state) {}
    }
}
