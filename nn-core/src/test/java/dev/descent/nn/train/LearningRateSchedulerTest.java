package dev.descent.nn.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.Schedule;
import dev.descent.loss.MseLoss;
import dev.descent.nn.data.Dataset;
import dev.descent.optim.Sgd;
import dev.descent.nn.Sequential;
import dev.descent.optim.schedule.ReduceOnPlateauSchedule;
import dev.descent.optim.schedule.StepLrSchedule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LearningRateSchedulerTest {

    /** Records the learning rate each batch was stepped with. */
    private static final class RatesSeen implements Callback {
        final List<Double> rates = new ArrayList<>();

        @Override
        public void onBatchEnd(TrainingContext context, int batch, double loss) {
            rates.add(context.optimizer().learningRate());
        }
    }

    private static List<Double> ratesOver(Schedule schedule, int epochs) {
        RatesSeen seen = new RatesSeen();
        // 25 examples in batches of 10: 3 steps an epoch.
        Trainer trainer = Trainer.builder().model(TrainerFitTest.mlp()).loss(new MseLoss())
                .optimizer(Sgd.builder().lr(0.8).build()).epochs(epochs).batchSize(10)
                .callback(new LearningRateScheduler(schedule)).callback(seen).build();
        trainer.fit(TrainerFitTest.regression(25, 1));
        return seen.rates;
    }

    @Test
    void anEpochScheduleChangesTheRateBetweenEpochs() {
        List<Double> rates = ratesOver(new StepLrSchedule(1, 0.5, Schedule.Interval.EPOCH), 3);

        assertThat(rates).containsExactly(0.8, 0.8, 0.8, 0.4, 0.4, 0.4, 0.2, 0.2, 0.2);
    }

    @Test
    void aStepScheduleChangesTheRateBeforeEveryStep() {
        List<Double> rates = ratesOver(new StepLrSchedule(2, 0.5, Schedule.Interval.STEP), 2);

        // Steps 0..5 of the fit, counted across epochs: 0.8 * 0.5^floor(t / 2).
        assertThat(rates).containsExactly(0.8, 0.8, 0.4, 0.4, 0.2, 0.2);
    }

    @Test
    void theScheduleObservesTheMonitoredValueAfterEachEpoch() {
        List<Double> observed = new ArrayList<>();
        Schedule watching = new Schedule() {
            @Override
            public double learningRate(long t, double initialLearningRate) {
                return initialLearningRate;
            }

            @Override
            public void observe(double metric) {
                observed.add(metric);
            }
        };
        Trainer trainer = Trainer.builder().model(TrainerFitTest.mlp()).loss(new MseLoss())
                .optimizer(Sgd.builder().lr(0.1).build()).epochs(3).batchSize(10).validationSplit(0.2)
                .callback(new LearningRateScheduler(watching)).build();

        History history = trainer.fit(TrainerFitTest.regression(25, 1));

        assertThat(observed).containsExactly(history.series("val_loss")[0], history.series("val_loss")[1],
                history.series("val_loss")[2]);
    }

    @Test
    void theHistoryRecordsTheRateOfEachEpoch() {
        Trainer trainer = Trainer.builder().model(TrainerFitTest.mlp()).loss(new MseLoss())
                .optimizer(Sgd.builder().lr(1).build()).epochs(3).batchSize(10)
                .callback(new LearningRateScheduler(new StepLrSchedule(1, 0.1))).build();

        History history = trainer.fit(Dataset.of(TrainerFitTest.regression(25, 1).features(),
                TrainerFitTest.regression(25, 1).targets()));

        assertThat(history.series("lr")).containsExactly(new double[] {1, 0.1, 0.01},
                org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void reduceOnPlateauLowersTheRateAfterEpochsWithoutImprovement() {
        Sequential model = TrainerFitTest.mlp();
        model.build(List.of(new int[] {4}), new java.util.SplittableRandom(1));
        // Every parameter frozen: the loss stays the same, epoch after epoch.
        model.parameters().forEach(parameter -> parameter.setFrozen(true));
        ReduceOnPlateauSchedule plateau = new ReduceOnPlateauSchedule(ReduceOnPlateauSchedule.Mode.MIN, 0.5, 0,
                1e-4, ReduceOnPlateauSchedule.ThresholdMode.REL, 0, 0, 1e-8, Schedule.Interval.EPOCH);
        Trainer trainer = Trainer.builder().model(model).loss(new MseLoss()).optimizer(Sgd.builder().lr(1).build())
                .epochs(4).batchSize(10).validationSplit(0.2).callback(new LearningRateScheduler(plateau)).build();

        History history = trainer.fit(TrainerFitTest.regression(25, 1));

        // Epoch 0 sets the best; epochs 1 and 2 do not improve (patience 0): the rate halves after each.
        assertThat(history.series("lr")).containsExactly(1, 1, 0.5, 0.25);
    }
}
