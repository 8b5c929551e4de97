package dev.descent.nn.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.Tensor;
import dev.descent.loss.MseLoss;
import dev.descent.nn.Linear;
import dev.descent.nn.Sequential;
import dev.descent.optim.Sgd;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EarlyStoppingTest {

    private static Sequential model() {
        Sequential model = Sequential.of(new Linear(1, 1, false));
        model.build(List.of(new int[] {1}), new SplittableRandom(1));
        return model;
    }

    /** Runs the callback over epochs whose val_loss is given; the model's weight is set to the epoch index. */
    private static FakeContext run(EarlyStopping stopping, Sequential model, double... valLosses) {
        FakeContext context = new FakeContext(model, Sgd.builder().lr(0.1).build());
        stopping.onTrainBegin(context);
        for (int e = 0; e < valLosses.length && !context.stopRequested(); e++) {
            model.parameters().get(0).value().fill(e);
            stopping.onEpochEnd(context, FakeContext.epoch(e, Map.of("loss", 1.0, "val_loss", valLosses[e])));
        }
        return context;
    }

    @Test
    void stopsWhenPatienceEpochsPassWithoutImprovement() {
        EarlyStopping stopping = new EarlyStopping("val_loss", Monitor.Mode.MIN, 2, 0, false);

        FakeContext context = run(stopping, model(), 1.0, 0.8, 0.9, 0.85, 0.7);

        // Best 0.8 at epoch 1; epochs 2 and 3 do not improve: stop at epoch 3, not reaching 0.7.
        assertThat(stopping.stoppedEpoch()).isEqualTo(3);
        assertThat(stopping.bestEpoch()).isEqualTo(1);
        assertThat(context.stopReason).contains("val_loss did not improve on 0.8 (epoch 2) for 2 epoch(s)");
    }

    @Test
    void anImprovementSmallerThanMinDeltaDoesNotCount() {
        EarlyStopping stopping = new EarlyStopping("val_loss", Monitor.Mode.MIN, 1, 0.1, false);

        run(stopping, model(), 1.0, 0.95, 0.5);

        // 0.95 is not below 1.0 - 0.1: the first bad epoch already exhausts patience 1.
        assertThat(stopping.stoppedEpoch()).isEqualTo(1);
        assertThat(stopping.best()).isEqualTo(1.0);
    }

    @Test
    void restoreBestSetsTheWeightsOfTheBestEpochBackWhenStopping() {
        Sequential model = model();
        EarlyStopping stopping = new EarlyStopping("val_loss", Monitor.Mode.AUTO, 2, 0, true);

        run(stopping, model, 1.0, 0.5, 0.6, 0.7, 0.1);

        assertThat(stopping.stoppedEpoch()).isEqualTo(3);
        assertThat(model.parameters().get(0).value().data()).containsExactly(1f);
    }

    @Test
    void maxModeWaitsForARise() {
        EarlyStopping stopping = new EarlyStopping("val_accuracy", Monitor.Mode.AUTO, 1, 0, false);
        FakeContext context = new FakeContext(model(), Sgd.builder().lr(0.1).build());
        stopping.onTrainBegin(context);

        stopping.onEpochEnd(context, FakeContext.epoch(0, Map.of("val_accuracy", 0.5)));
        stopping.onEpochEnd(context, FakeContext.epoch(1, Map.of("val_accuracy", 0.6)));
        assertThat(context.stopRequested()).isFalse();
        stopping.onEpochEnd(context, FakeContext.epoch(2, Map.of("val_accuracy", 0.55)));

        assertThat(context.stopRequested()).isTrue();
        assertThat(stopping.best()).isEqualTo(0.6);
    }

    @Test
    void inAFitTrainingEndsAtTheStoppedEpoch() {
        // Learning rate 0 keeps the loss flat: no epoch after the first improves.
        Sequential model = model();
        Trainer trainer = Trainer.builder().model(model).loss(new MseLoss()).optimizer(Sgd.builder().lr(0).build())
                .epochs(10).batchSize(4).callback(new EarlyStopping("loss", Monitor.Mode.MIN, 2, 0, false)).build();

        History history = trainer.fit(dev.descent.nn.data.Dataset.of(Tensor.of(new float[] {1, 2, 3, 4}, 4, 1),
                Tensor.of(new float[] {0, 0, 0, 0}, 4, 1)));

        assertThat(history.size()).isEqualTo(3);
        assertThat(history.stopReason()).get().asString().startsWith("early stopping: loss did not improve");
        assertThat(history.stoppedOnNonFinite()).isFalse();
    }
}
