package dev.descent.nn.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.Tensor;
import dev.descent.loss.MseLoss;
import dev.descent.nn.Linear;
import dev.descent.nn.Relu;
import dev.descent.nn.Sequential;
import dev.descent.nn.data.Dataset;
import dev.descent.optim.Sgd;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NonFiniteTest {

    private static Sequential built() {
        Sequential model = Sequential.of(new Linear(2, 3), new Relu(), new Linear(3, 1));
        model.build(List.of(new int[] {2}), new SplittableRandom(1));
        return model;
    }

    private static Trainer trainer(Sequential model) {
        return Trainer.builder().model(model).loss(new MseLoss()).optimizer(Sgd.builder().lr(0.1).build())
                .epochs(3).batchSize(2).shuffle(false).build();
    }

    /** Four examples; example {@code bad} has feature values {@code value}. */
    private static Tensor features(int bad, float value) {
        float[] x = {0.1f, 0.2f, 0.3f, -0.4f, 0.5f, 0.6f, -0.7f, 0.8f};
        x[2 * bad] = value;
        x[2 * bad + 1] = value;
        return Tensor.of(x, 4, 2);
    }

    @Test
    void stopsNamingTheEpochTheBatchAndTheFirstLayerWhoseOutputWasNotFinite() {
        Sequential model = built();
        // An infinite weight in the last layer: layers 0 and 1 stay finite, layer 2 gives inf or 0 * inf = NaN.
        ((Linear) model.layers().get(2)).weight().value().fill(Float.POSITIVE_INFINITY);
        History history = trainer(model).fit(Dataset.of(features(0, 0.1f), Tensor.zeros(4, 1)));

        assertThat(history.stoppedOnNonFinite()).isTrue();
        assertThat(history.stopReason()).get().asString()
                .startsWith("training stopped at epoch 1 of 3, batch 1 of 2: the output of layer 2 (");
        assertThat(history.size()).isZero();
    }

    @Test
    void namesTheLossWhenOnlyTheLossWasNotFinite() {
        Sequential model = built();
        float[] before = model.parameters().get(0).value().data().clone();
        Tensor targets = Tensor.of(new float[] {0, 0, Float.NaN, 0}, 4, 1);

        History history = trainer(model).fit(Dataset.of(features(0, 0.1f), targets));

        assertThat(history.stopReason()).get().asString()
                .startsWith("training stopped at epoch 1 of 3, batch 2 of 2: the loss was NaN although every"
                        + " layer's output was finite (mse on output 'output' = NaN)");
        // Batch 1 stepped; batch 2's step was not taken.
        assertThat(model.parameters().get(0).value().data()).isNotEqualTo(before);
        assertThat(model.parameters().get(0).value().data()).doesNotContain(Float.NaN);
    }
}
