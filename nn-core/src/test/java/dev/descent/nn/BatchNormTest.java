package dev.descent.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.Buffer;
import dev.descent.api.InvalidParameterException;
import dev.descent.api.Parameter;
import dev.descent.api.Pass;
import dev.descent.api.Tensor;
import java.util.SplittableRandom;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** What the PyTorch fixtures cannot show: errors, names, initial values, frozen statistics. */
class BatchNormTest {
    private static final Pass TRAINING = Pass.training(new SplittableRandom(0));

    private static BatchNorm initialized(String spec, int... perExample) {
        BatchNorm layer = (BatchNorm) LayerFixtureTest.create(spec);
        layer.initialize(perExample, new SplittableRandom(1));
        return layer;
    }

    @Test
    void parametersAndBuffersHavePyTorchsNamesAndInitialValues() {
        BatchNorm layer = initialized("batch_norm", 3, 2);

        assertThat(layer.channels()).isEqualTo(3);
        assertThat(layer.parameters()).extracting(Parameter::name).containsExactly("weight", "bias");
        assertThat(layer.parameters().get(0).value().data()).containsExactly(1f, 1f, 1f);
        assertThat(layer.parameters().get(1).value().data()).containsExactly(0f, 0f, 0f);
        assertThat(layer.buffers()).extracting(Buffer::name)
                .containsExactly("running_mean", "running_var", "num_batches_tracked");
        assertThat(layer.buffers().get(1).value().data()).containsExactly(1f, 1f, 1f);
        assertThat(layer.buffers().get(2).value().shape()).isEmpty();
    }

    @Test
    void withoutAffineOrTrackingThereAreNoParametersOrBuffers() {
        BatchNorm layer = initialized("batch_norm(affine=false, track_running_stats=false)", 2);

        assertThat(layer.parameters()).isEmpty();
        assertThat(layer.buffers()).isEmpty();
    }

    @Test
    void trainingNormalisesWithTheBiasedVarianceAndUpdatesWithTheUnbiased() {
        BatchNorm layer = initialized("batch_norm(momentum=0.5)", 1);
        // mean 2, biased variance 2/3... values 1, 2, 3: biased 2/3, unbiased 1.
        Tensor output = layer.forward(Tensor.of(new float[] {1, 2, 3}, 3, 1), TRAINING);

        double invStd = 1 / Math.sqrt(2.0 / 3 + 1e-5);
        assertThat(output.data()[0]).isCloseTo((float) (-invStd), within(1e-6f));
        assertThat(output.data()[2]).isCloseTo((float) invStd, within(1e-6f));
        assertThat(layer.buffers().get(0).value().data()[0]).isEqualTo(1f); // 0.5 * 0 + 0.5 * 2
        assertThat(layer.buffers().get(1).value().data()[0]).isEqualTo(1f); // 0.5 * 1 + 0.5 * 1
        assertThat(layer.buffers().get(2).value().data()[0]).isEqualTo(1f);
    }

    @Test
    void oneValuePerChannelInTrainingIsRefusedAsPyTorchDoes() {
        BatchNorm layer = initialized("batch_norm", 3);

        assertThatIllegalArgumentException().isThrownBy(() -> layer.forward(Tensor.zeros(1, 3), TRAINING))
                .withMessage("batch_norm: Expected more than 1 value per channel when training, got input size"
                        + " [1, 3]");
        // In evaluation the running statistics serve, so one example is fine.
        assertThat(layer.forward(Tensor.zeros(1, 3), Pass.INFERENCE).shape()).containsExactly(1, 3);
        // One example with several values per channel is fine in training.
        assertThat(initialized("batch_norm", 3, 2).forward(Tensor.zeros(1, 3, 2), TRAINING).shape())
                .containsExactly(1, 3, 2);
    }

    @Test
    void withoutRunningStatisticsEvaluationOfOneValuePerChannelIsRefusedToo() {
        BatchNorm layer = initialized("batch_norm(track_running_stats=false)", 2);

        assertThatIllegalArgumentException().isThrownBy(() -> layer.forward(Tensor.zeros(1, 2), Pass.INFERENCE))
                .withMessageStartingWith("batch_norm: Expected more than 1 value per channel when training");
    }

    @Test
    void inputsOfTheWrongRankOrChannelsAreRefused() {
        BatchNorm layer = initialized("batch_norm", 3, 4);

        assertThatIllegalArgumentException().isThrownBy(() -> layer.forward(Tensor.zeros(2, 4, 4), TRAINING))
                .withMessage("batch_norm: expected 3 channels (axis 1), got shape [2, 4, 4]");
        assertThatIllegalArgumentException().isThrownBy(() -> layer.forward(Tensor.zeros(6), TRAINING))
                .withMessageContaining("expected a batch of rank 2 ([N, C]), 3 ([N, C, L]) or 4");
        assertThatIllegalArgumentException().isThrownBy(() -> layer.outputShape(new int[] {3, 2, 2, 2}))
                .withMessageContaining("expected examples of shape [C], [C, L] or [C, H, W]");
        assertThatIllegalArgumentException().isThrownBy(() -> layer.outputShape(new int[] {5}))
                .withMessage("batch_norm: expected 3 channels (axis 1 of the batch), got per-example shape [5]");
    }

    @Test
    void numFeaturesWhenGivenMustMatchTheInput() {
        assertThat(initialized("batch_norm(num_features=3)", 3, 5).channels()).isEqualTo(3);
        assertThatIllegalArgumentException().isThrownBy(() -> initialized("batch_norm(num_features=4)", 3, 5))
                .withMessage("batch_norm: num_features=4 but the input has 3 channels (axis 1 of the batch),"
                        + " per-example shape [3, 5]");
    }

    @Test
    void forwardBeforeInitializeIsRefused() {
        BatchNorm layer = new BatchNorm();

        assertThatIllegalStateException().isThrownBy(() -> layer.forward(Tensor.zeros(2, 3), TRAINING))
                .withMessageContaining("the number of channels is not known yet");
    }

    @Test
    void badArgumentsAreRefused() {
        Assertions.assertThatThrownBy(() -> LayerFixtureTest.create("batch_norm(momentum=1.5)"))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("momentum");
        Assertions.assertThatThrownBy(() -> LayerFixtureTest.create("batch_norm(eps=0)"))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("eps");
        assertThatIllegalArgumentException().isThrownBy(() -> new BatchNorm(-0.1, 1e-5, true, true))
                .withMessage("batch_norm: momentum must lie in [0, 1], got '-0.1'");
    }

    @Test
    void frozenStatisticsNormaliseWithTheRunningOnesAndBackwardIsTheAffineMap() {
        BatchNorm layer = initialized("batch_norm", 2);
        layer.parameters().get(0).value().copyFrom(Tensor.vector(2f, -1f));
        layer.parameters().get(1).value().copyFrom(Tensor.vector(0.5f, 0f));
        layer.buffers().get(0).value().copyFrom(Tensor.vector(1f, -1f));
        layer.buffers().get(1).value().copyFrom(Tensor.vector(4f, 0.25f));
        layer.freezeStatistics(true);

        Tensor x = Tensor.of(new float[] {3, 0, 1, 1}, 2, 2);
        Tensor y = layer.forward(x, TRAINING).copy();
        Tensor dx = layer.backward(Tensor.of(new float[] {1, 1, 2, 0}, 2, 2), true);

        double s0 = 1 / Math.sqrt(4 + 1e-5);
        double s1 = 1 / Math.sqrt(0.25 + 1e-5);
        assertThat(y.data()).containsExactly(new float[] {(float) (2 * 2 * s0 + 0.5), (float) (-1 * s1), 0.5f,
                (float) (-2 * s1)}, within(1e-6f));
        assertThat(dx.data()).containsExactly(new float[] {(float) (2 * s0), (float) (-s1), (float) (4 * s0), 0f},
                within(1e-6f));
        // Running statistics unchanged, no batch counted; weight gradient is sum dy * x_hat.
        assertThat(layer.buffers().get(0).value().data()).containsExactly(1f, -1f);
        assertThat(layer.buffers().get(2).value().data()[0]).isZero();
        assertThat(layer.parameters().get(0).gradient().data()[0]).isCloseTo((float) (2 * s0), within(1e-6f));
        assertThat(layer.parameters().get(1).gradient().data()).containsExactly(3f, 1f);
    }

    @Test
    void statisticsCannotBeFrozenWithoutBeingTracked() {
        BatchNorm layer = initialized("batch_norm(track_running_stats=false)", 2);

        assertThatIllegalStateException().isThrownBy(() -> layer.freezeStatistics(true))
                .withMessageContaining("has no running statistics to freeze");
    }

    @Test
    void initializeResetsWeightsAndRunningStatistics() {
        BatchNorm layer = initialized("batch_norm", 2);
        layer.forward(Tensor.of(new float[] {1, 5, 3, 2}, 2, 2), TRAINING);
        layer.parameters().get(0).value().fill(3f);

        layer.initialize(new int[] {2}, new SplittableRandom(2));

        assertThat(layer.parameters().get(0).value().data()).containsExactly(1f, 1f);
        assertThat(layer.buffers().get(0).value().data()).containsExactly(0f, 0f);
        assertThat(layer.buffers().get(1).value().data()).containsExactly(1f, 1f);
        assertThat(layer.buffers().get(2).value().data()).containsExactly(0f);
    }
}
