package dev.descent.nn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.api.Parameter;
import dev.descent.api.Tensor;
import dev.descent.loss.MseLoss;
import dev.descent.nn.Linear;
import dev.descent.nn.Relu;
import dev.descent.nn.Sequential;
import dev.descent.nn.data.Dataset;
import dev.descent.optim.Adam;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrainerFitTest {

    /** 53 examples of 4 features with 3 targets each: batches of 10 leave a last batch of 3. */
    static Dataset regression(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[n * 4];
        float[] y = new float[n * 3];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextDouble(-1, 1);
        }
        for (int i = 0; i < n; i++) {
            y[3 * i] = x[4 * i] - 2 * x[4 * i + 1];
            y[3 * i + 1] = x[4 * i + 2] * x[4 * i + 3];
            y[3 * i + 2] = 0.5f;
        }
        return Dataset.of(Tensor.of(x, n, 4), Tensor.of(y, n, 3));
    }

    static Sequential mlp() {
        return Sequential.of(new Linear(4, 8), new Relu(), new Linear(8, 3));
    }

    private static Trainer trainer(Sequential model, long seed, double validationSplit) {
        Trainer.Builder builder = Trainer.builder().model(model).loss(new MseLoss())
                .optimizer(Adam.builder().lr(0.01).build()).epochs(3).batchSize(10).seed(seed);
        if (!Double.isNaN(validationSplit)) {
            builder.validationSplit(validationSplit);
        }
        return builder.build();
    }

    private static List<float[]> weights(Sequential model) {
        List<float[]> values = new ArrayList<>();
        for (Parameter parameter : model.parameters()) {
            values.add(parameter.value().data().clone());
        }
        return values;
    }

    @Test
    void theSameSeedGivesTheSameNumbersBitForBit() {
        Sequential first = mlp();
        Sequential second = mlp();

        History a = trainer(first, 11, 0.2).fit(regression(53, 1));
        History b = trainer(second, 11, 0.2).fit(regression(53, 1));

        for (int e = 0; e < 3; e++) {
            assertThat(a.epochs().get(e).values()).isEqualTo(b.epochs().get(e).values());
        }
        List<float[]> wa = weights(first);
        List<float[]> wb = weights(second);
        for (int i = 0; i < wa.size(); i++) {
            assertThat(wa.get(i)).containsExactly(wb.get(i));
        }
    }

    @Test
    void anotherSeedGivesOtherWeightsAndOtherShuffles() {
        Sequential first = mlp();
        Sequential second = mlp();

        History a = trainer(first, 11, 0.2).fit(regression(53, 1));
        History b = trainer(second, 12, 0.2).fit(regression(53, 1));

        assertThat(a.last().loss()).isNotEqualTo(b.last().loss());
        assertThat(weights(first).get(0)).isNotEqualTo(weights(second).get(0));
    }

    @Test
    void theValidationSplitIsTheLastFractionTakenBeforeShuffling() {
        Dataset data = regression(53, 2);
        Sequential split = mlp();
        Sequential explicit = mlp();

        History bySplit = trainer(split, 3, 0.2).fit(data);
        // floor(53 * 0.8) = 42: the first 42 train, the last 11 validate.
        History byRows = trainer(explicit, 3, Double.NaN).fit(data.rows(0, 42), data.rows(42, 53));

        assertThat(bySplit.last().values()).isEqualTo(byRows.last().values());
        assertThat(bySplit.last().validationLoss())
                .isEqualTo(trainer(split, 3, Double.NaN).evaluate(data.rows(42, 53)).get("loss"));
    }

    @Test
    void aValidationSetAndASplitTogetherAreRefused() {
        Dataset data = regression(20, 2);

        assertThatThrownBy(() -> trainer(mlp(), 3, 0.2).fit(data, data))
                .hasMessageContaining("use one or the other");
    }

    @Test
    void theHistoryHoldsEveryEpochWithItsKeys() {
        History history = trainer(mlp(), 3, 0.2).fit(regression(53, 2));

        assertThat(history.size()).isEqualTo(3);
        assertThat(history.last().values()).containsOnlyKeys("loss", "val_loss", "lr");
        assertThat(history.last().seconds()).isPositive();
        assertThat(history.series("loss")[2]).isLessThan(history.series("loss")[0]);
        assertThat(history.stopReason()).isEmpty();
    }

    @Test
    void listenersSeeEveryEpochAndBatch() {
        List<String> events = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void trainingStarted(int epochs, int batchesPerEpoch) {
                events.add("start " + epochs + " " + batchesPerEpoch);
            }

            @Override
            public void batchEnded(int epoch, int batch, int batches, double loss) {
                events.add(epoch + "." + batch);
            }

            @Override
            public void epochEnded(History.Epoch epoch) {
                events.add("end " + epoch.epoch());
            }

            @Override
            public void trainingEnded(History history) {
                events.add("done " + history.size());
            }
        };
        Trainer trainer = Trainer.builder().model(mlp()).loss(new MseLoss()).optimizer(Adam.builder().build())
                .epochs(2).batchSize(10).listener(listener).build();

        trainer.fit(regression(25, 1));

        assertThat(events).containsExactly("start 2 3", "0.0", "0.1", "0.2", "end 0", "1.0", "1.1", "1.2", "end 1",
                "done 2");
    }
}
