package dev.descent.nn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.Loss;
import dev.descent.api.Parameter;
import dev.descent.api.Tensor;
import dev.descent.api.Trainable;
import dev.descent.loss.MseLoss;
import dev.descent.nn.Linear;
import dev.descent.nn.Sequential;
import dev.descent.nn.data.Dataset;
import dev.descent.optim.Sgd;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * One step of the Trainer on models small enough to work by hand: x = [[1, 2], [3, -1]], a linear head with
 * w = [0.5, -0.25], b = 0.1 gives predictions [0.1, 1.85]; against targets [1, 0] the errors are
 * [-0.9, 1.85], the mean squared error (0.81 + 3.4225) / 2 = 2.11625, its gradient 2 e / 2 = [-0.9, 1.85],
 * dW = -0.9 [1, 2] + 1.85 [3, -1] = [4.65, -3.65] and db = 0.95.
 */
class TrainerStepTest {
    private static final Tensor X = Tensor.of(new float[] {1, 2, 3, -1}, 2, 2);
    private static final float TOLERANCE = 1e-6f;

    private static void set(Linear layer, float w0, float w1, float bias) {
        layer.weight().value().copyFrom(Tensor.of(new float[] {w0, w1}, 1, 2));
        layer.bias().value().copyFrom(Tensor.vector(bias));
    }

    private static Sequential handModel() {
        Linear linear = new Linear(2, 1);
        Sequential model = Sequential.of(linear);
        model.build(List.of(new int[] {2}), new SplittableRandom(1));
        set(linear, 0.5f, -0.25f, 0.1f);
        return model;
    }

    private static Trainer.Builder sgd(double lr) {
        return Trainer.builder().optimizer(Sgd.builder().lr(lr).build()).epochs(1).batchSize(2).shuffle(false);
    }

    @Test
    void oneStepOfSgdOnMseMatchesTheValuesWorkedByHand() {
        Sequential model = handModel();
        Trainer trainer = sgd(0.1).model(model).loss(new MseLoss()).build();

        History history = trainer.fit(Dataset.of(X, Tensor.of(new float[] {1, 0}, 2, 1)));

        Linear linear = (Linear) model.layers().get(0);
        // w - 0.1 dW = [0.5 - 0.465, -0.25 + 0.365]; b - 0.1 db = 0.1 - 0.095.
        assertThat(linear.weight().value().data()).containsExactly(new float[] {0.035f, 0.115f}, within(TOLERANCE));
        assertThat(linear.bias().value().data()[0]).isCloseTo(0.005f, within(TOLERANCE));
        // The epoch's loss is the loss of the forward before the step.
        assertThat(history.last().loss()).isCloseTo(2.11625, within(1e-6));
        assertThat(history.last().learningRate()).isEqualTo(0.1);
    }

    @Test
    void predictAndEvaluateRunInferencePassesOverAllExamples() {
        Sequential model = handModel();
        Trainer trainer = sgd(0.1).model(model).loss(new MseLoss()).batchSize(1).build();

        Tensor predictions = trainer.predict(X);
        Map<String, Double> values = trainer.evaluate(Dataset.of(X, Tensor.of(new float[] {1, 0}, 2, 1)));

        assertThat(predictions.shape()).containsExactly(2, 1);
        assertThat(predictions.data()).containsExactly(new float[] {0.1f, 1.85f}, within(TOLERANCE));
        // Two batches of one, averaged: (0.81 + 3.4225) / 2.
        assertThat(values).containsOnlyKeys("loss");
        assertThat(values.get("loss")).isCloseTo(2.11625, within(1e-6));
    }

    @Test
    void aTwoOutputStepWeighsEachOutputsGradientByItsLossWeight() {
        TwoHeadModel model = new TwoHeadModel(2, 1);
        model.build(List.of(new int[] {2}), new SplittableRandom(1));
        set(model.a, 0.5f, -0.25f, 0.1f);
        set(model.b, 0f, 0f, 0f);
        Trainer trainer = sgd(0.1).model(model).loss("a", new MseLoss(), 2).loss("b", new MseLoss(), 0.5).build();

        History history = trainer.fit(Dataset.of(List.of(X),
                List.of(Tensor.of(new float[] {1, 0}, 2, 1), Tensor.of(new float[] {1, 1}, 2, 1))));

        // Head a: w - 0.1 * 2 * dW. Head b predicts 0 against 1: errors [-1, -1], loss 1,
        // dW = -[1, 2] - [3, -1] = [-4, -1], db = -2; w - 0.1 * 0.5 * dW.
        assertThat(model.a.weight().value().data()).containsExactly(new float[] {-0.43f, 0.48f}, within(TOLERANCE));
        assertThat(model.a.bias().value().data()[0]).isCloseTo(-0.09f, within(TOLERANCE));
        assertThat(model.b.weight().value().data()).containsExactly(new float[] {0.2f, 0.05f}, within(TOLERANCE));
        assertThat(model.b.bias().value().data()[0]).isCloseTo(0.1f, within(TOLERANCE));
        History.Epoch epoch = history.last();
        assertThat(epoch.loss()).isCloseTo(2 * 2.11625 + 0.5 * 1, within(1e-6));
        assertThat(epoch.value("a_loss")).isCloseTo(2.11625, within(1e-6));
        assertThat(epoch.value("b_loss")).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void eachMetricReadsTheOutputItNamesOnTrainingAndValidationData() {
        TwoHeadModel model = new TwoHeadModel(2, 1);
        model.build(List.of(new int[] {2}), new SplittableRandom(1));
        set(model.a, 0.5f, -0.25f, 0.1f);
        set(model.b, 0f, 0f, 0f);
        Trainer trainer = sgd(0).model(model).loss("a", new MseLoss()).loss("b", new MseLoss())
                .metric("a", new MeanPrediction()).metric("b", new MeanPrediction()).build();
        Dataset data = Dataset.of(List.of(X),
                List.of(Tensor.of(new float[] {1, 0}, 2, 1), Tensor.of(new float[] {1, 1}, 2, 1)));

        History.Epoch epoch = trainer.fit(data, data).last();

        // Head a predicts [0.1, 1.85], head b [0, 0]; learning rate 0 keeps them so for validation.
        assertThat(epoch.value("a_mean_prediction")).isCloseTo(0.975, within(1e-6));
        assertThat(epoch.value("b_mean_prediction")).isZero();
        assertThat(epoch.value("val_a_mean_prediction")).isCloseTo(0.975, within(1e-6));
        assertThat(epoch.values()).containsOnlyKeys("loss", "a_loss", "b_loss", "a_mean_prediction",
                "b_mean_prediction", "val_loss", "val_a_loss", "val_b_loss", "val_a_mean_prediction",
                "val_b_mean_prediction", "lr");
    }

    @Test
    void aFrozenParameterKeepsItsValueWhileTheOthersTrain() {
        Sequential model = handModel();
        Linear linear = (Linear) model.layers().get(0);
        linear.weight().setFrozen(true);
        Trainer trainer = sgd(0.1).model(model).loss(new MseLoss()).build();

        trainer.fit(Dataset.of(X, Tensor.of(new float[] {1, 0}, 2, 1)));

        assertThat(linear.weight().value().data()).containsExactly(0.5f, -0.25f);
        assertThat(linear.bias().value().data()[0]).isCloseTo(0.005f, within(TOLERANCE));
    }

    @Test
    void aLossWithParametersOfItsOwnTrainsScaledByItsOutputsWeight() {
        TwoHeadModel model = new TwoHeadModel(2, 1);
        model.build(List.of(new int[] {2}), new SplittableRandom(1));
        set(model.a, 0.5f, -0.25f, 0.1f);
        OffsetMse offset = new OffsetMse();
        Trainer trainer = sgd(0.1).model(model).loss("a", offset, 2).loss("b", new MseLoss()).build();

        trainer.fit(Dataset.of(List.of(X),
                List.of(Tensor.of(new float[] {1, 0}, 2, 1), Tensor.of(new float[] {1, 1}, 2, 1))));

        // d(loss_a)/dc = mean(2 e) = 0.95 at c = 0; weighted by 2, one step of 0.1: c = -0.19.
        assertThat(offset.c.value().data()[0]).isCloseTo(-0.19f, within(TOLERANCE));
        assertThat(model.a.weight().value().data()).containsExactly(new float[] {-0.43f, 0.48f}, within(TOLERANCE));
    }

    @Test
    void buildNamesWhatIsMissingOrWrong() {
        Sequential model = handModel();
        assertThatThrownBy(() -> Trainer.builder().model(model).loss(new MseLoss()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no optimizer");
        assertThatThrownBy(() -> sgd(0.1).loss(new MseLoss()).build())
                .hasMessageContaining("no model");
        assertThatThrownBy(() -> sgd(0.1).model(model).build()).hasMessageContaining("no loss");
        assertThatThrownBy(() -> sgd(0.1).model(model).loss(new MseLoss()).epochs(0).build())
                .hasMessageContaining("epochs must be at least 1, got '0'");
        assertThatThrownBy(() -> sgd(0.1).model(model).loss(new MseLoss()).validationSplit(1).build())
                .hasMessageContaining("strictly between 0 and 1");
        TwoHeadModel twoHeads = new TwoHeadModel(2, 1);
        assertThatThrownBy(() -> sgd(0.1).model(twoHeads).loss(new MseLoss()).build())
                .hasMessageContaining("outputs [a, b]");
        assertThatThrownBy(() -> sgd(0.1).model(twoHeads).loss("a", new MseLoss()).build())
                .hasMessageContaining("output 'b' has no loss");
        assertThatThrownBy(() -> sgd(0.1).model(twoHeads).loss("a", new MseLoss()).loss("c", new MseLoss()).build())
                .hasMessageContaining("output 'c', which the model does not have");
        assertThatThrownBy(() -> sgd(0.1).model(twoHeads).loss("a", new MseLoss()).loss("b", new MseLoss())
                .metric(new dev.descent.loss.metric.AccuracyMetric()).build())
                .hasMessageContaining("say which with metric(output, metric)");
    }

    @Test
    void fitRefusesDataThatDoesNotFitTheModel() {
        Trainer trainer = sgd(0.1).model(handModel()).loss(new MseLoss()).build();
        Tensor y = Tensor.of(new float[] {1, 0}, 2, 1);

        assertThatThrownBy(() -> trainer.fit(Dataset.of(List.of(X, X), List.of(y))))
                .hasMessageContaining("2 feature tensor(s) but the model has 1 input(s) [input]");
        assertThatThrownBy(() -> trainer.fit(Dataset.of(List.of(X), List.of(y, y))))
                .hasMessageContaining("2 target tensor(s) but the model has 1 output(s) [output]");
    }

    /** The mean of the predictions: shows which output a metric was fed. */
    private static final class MeanPrediction implements dev.descent.api.Metric {
        private double sum;
        private long count;

        @Override
        public String name() {
            return "mean_prediction";
        }

        @Override
        public void update(Tensor predictions, Tensor targets) {
            for (float p : predictions.data()) {
                sum += p;
                count++;
            }
        }

        @Override
        public Tensor compute() {
            return Tensor.scalar((float) (sum / count));
        }

        @Override
        public void reset() {
            sum = 0;
            count = 0;
        }
    }

    /** mean((p + c - t)^2) with a learned offset c, starting at 0: a loss that owns a parameter. */
    private static final class OffsetMse implements Loss, Trainable {
        final Parameter c = Parameter.of("c", Tensor.zeros(1));

        @Override
        public String name() {
            return "offset_mse";
        }

        @Override
        public double compute(Tensor predictions, Tensor targets, Tensor gradient) {
            float[] p = predictions.data();
            float[] t = targets.data();
            float offset = c.value().data()[0];
            double sum = 0;
            double dc = 0;
            for (int i = 0; i < p.length; i++) {
                double e = p[i] + offset - t[i];
                sum += e * e;
                dc += 2 * e / p.length;
                if (gradient != null) {
                    gradient.data()[i] = (float) (2 * e / p.length);
                }
            }
            if (gradient != null) {
                c.gradient().data()[0] += (float) dc;
            }
            return sum / p.length;
        }

        @Override
        public Tensor unreduced(Tensor predictions, Tensor targets) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(c);
        }
    }
}
