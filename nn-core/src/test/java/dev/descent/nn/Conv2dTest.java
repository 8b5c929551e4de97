package dev.descent.nn;

import static dev.descent.nn.LayerFixtureTest.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.api.InvalidParameterException;
import dev.descent.api.Layer;
import dev.descent.api.Parameter;
import dev.descent.api.Pass;
import dev.descent.api.Tensor;
import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Conv2dTest {
    private static final Pass TRAINING = Pass.training(new SplittableRandom(0));

    private static Conv2d conv(String spec, int... perExample) {
        Conv2d layer = (Conv2d) create(spec);
        layer.initialize(perExample, new SplittableRandom(1));
        return layer;
    }

    private static Tensor image(float... values) {
        int side = (int) Math.round(Math.sqrt(values.length));
        return Tensor.of(values, 1, 1, side, side);
    }

    /** One channel, weight [[1, 2], [3, 4]], bias 0.5, on the 3x3 image 1..9. */
    private static Conv2d handLayer() {
        Conv2d layer = conv("conv2d(out_channels=1, kernel_size=2)", 1, 3, 3);
        layer.parameters().get(0).value().copyFrom(Tensor.of(new float[] {1, 2, 3, 4}, 1, 1, 2, 2));
        layer.parameters().get(1).value().copyFrom(Tensor.of(new float[] {0.5f}, 1));
        return layer;
    }

    @Test
    void forwardIsTheCrossCorrelationPlusBias() {
        Tensor output = handLayer().forward(image(1, 2, 3, 4, 5, 6, 7, 8, 9), Pass.INFERENCE);

        // (0,0): 1·1 + 2·2 + 3·4 + 4·5 = 37, and so on, each plus 0.5.
        assertThat(output.shape()).containsExactly(1, 1, 2, 2);
        assertThat(output.data()).containsExactly(37.5f, 47.5f, 67.5f, 77.5f);
    }

    @Test
    void backwardGivesHandWorkedGradients() {
        Conv2d layer = handLayer();
        layer.forward(image(1, 2, 3, 4, 5, 6, 7, 8, 9), TRAINING);

        Tensor dX = layer.backward(Tensor.of(new float[] {1, 1, 1, 1}, 1, 1, 2, 2), true);

        // dW[p, q] is the sum of the inputs each tap saw; dX the sum of the taps that saw each input.
        assertThat(layer.parameters().get(0).gradient().data()).containsExactly(12, 16, 24, 28);
        assertThat(layer.parameters().get(1).gradient().data()).containsExactly(4);
        assertThat(dX.data()).containsExactly(1, 3, 2, 4, 10, 6, 3, 7, 4);
    }

    @Test
    void withoutTheInputGradientBackwardStillAccumulatesTheParameterGradients() {
        Conv2d layer = handLayer();
        layer.forward(image(1, 2, 3, 4, 5, 6, 7, 8, 9), TRAINING);

        assertThat(layer.backward(Tensor.of(new float[] {1, 1, 1, 1}, 1, 1, 2, 2), false)).isNull();
        assertThat(layer.parameters().get(0).gradient().data()).containsExactly(12, 16, 24, 28);
    }

    @Test
    void groupsDoNotMixChannels() {
        Conv2d layer = conv("conv2d(out_channels=2, kernel_size=1, groups=2, bias=false)", 2, 1, 2);
        layer.parameters().get(0).value().copyFrom(Tensor.of(new float[] {2, 3}, 2, 1, 1, 1));

        Tensor output = layer.forward(Tensor.of(new float[] {1, 2, 10, 20}, 1, 2, 1, 2), Pass.INFERENCE);

        assertThat(output.data()).containsExactly(2, 4, 30, 60);
    }

    @Test
    void paddingAddsZerosAndStrideSkipsPositions() {
        Conv2d same = conv("conv2d(out_channels=1, kernel_size=3, padding=1, bias=false, init=ones)", 1, 2, 2);
        Conv2d strided = conv("conv2d(out_channels=1, kernel_size=3, padding=1, stride=2, bias=false, init=ones)",
                1, 2, 2);

        // Every 3x3 window over the padded 2x2 image covers all four values: 1 + 2 + 3 + 4.
        assertThat(same.forward(image(1, 2, 3, 4), Pass.INFERENCE).data()).containsExactly(10, 10, 10, 10);
        assertThat(strided.forward(image(1, 2, 3, 4), Pass.INFERENCE).data()).containsExactly(10);
    }

    @Test
    void anInputOfAnotherSizeIsTaken() {
        Conv2d layer = conv("conv2d(out_channels=1, kernel_size=2, bias=false, init=ones)", 1, 3, 3);
        layer.forward(image(1, 2, 3, 4, 5, 6, 7, 8, 9), Pass.INFERENCE);

        Tensor output = layer.forward(image(1, 2, 3, 4), Pass.INFERENCE);

        assertThat(output.shape()).containsExactly(1, 1, 1, 1);
        assertThat(output.data()).containsExactly(10);
    }

    @Test
    void aSingleIntegerGivesASquareKernelAndAPairAnyOther() {
        assertThat(conv("conv2d(out_channels=4, kernel_size=3)", 2, 5, 5).parameters().get(0).value().shape())
                .containsExactly(4, 2, 3, 3);
        assertThat(conv("conv2d(out_channels=4, kernel_size=[2, 3])", 2, 5, 5).parameters().get(0).value().shape())
                .containsExactly(4, 2, 2, 3);
    }

    @Test
    void aDepthwiseWeightHasOneInputChannelPerFilter() {
        Conv2d layer = conv("conv2d(out_channels=6, kernel_size=3, groups=3)", 3, 5, 5);

        assertThat(layer.parameters()).extracting(Parameter::name).containsExactly("weight", "bias");
        assertThat(layer.parameters().get(0).value().shape()).containsExactly(6, 1, 3, 3);
        assertThat(layer.parameters().get(1).value().shape()).containsExactly(6);
    }

    @Test
    void withoutBiasThereIsOnlyAWeight() {
        assertThat(conv("conv2d(out_channels=2, kernel_size=3, bias=false)", 1, 4, 4).parameters())
                .extracting(Parameter::name).containsExactly("weight");
    }

    @Test
    void outputShapeFollowsPyTorchsFormulaPerAxis() {
        Layer layer = create("conv2d(out_channels=5, kernel_size=[3, 2], stride=[2, 1], padding=[1, 0],"
                + " dilation=[1, 2])");

        // height (9 + 2 − 2 − 1) / 2 + 1 = 5; width (6 − 2 − 1) / 1 + 1 = 4
        assertThat(layer.outputShape(new int[] {3, 9, 6})).containsExactly(5, 5, 4);
    }

    @Test
    void initialValuesLieWithinPyTorchsBound() {
        Conv2d layer = conv("conv2d(out_channels=16, kernel_size=3, groups=2)", 8, 6, 6);

        // fan_in = 8 / 2 · 3 · 3 = 36: weight and bias uniform in ±1/6.
        float bound = 1f / 6;
        assertThat(maxAbs(layer.parameters().get(0).value().data())).isLessThanOrEqualTo(bound)
                .isGreaterThan(0.9f * bound);
        assertThat(maxAbs(layer.parameters().get(1).value().data())).isLessThanOrEqualTo(bound);
    }

    private static float maxAbs(float[] values) {
        float max = 0;
        for (float value : values) {
            max = Math.max(max, Math.abs(value));
        }
        return max;
    }

    @Test
    void outChannelsNotDivisibleByGroupsIsRefusedNamingGroups() {
        assertThatThrownBy(() -> create("conv2d(out_channels=3, kernel_size=3, groups=2)"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("parameter 'groups' of layer 'conv2d' must divide out_channels=3, got 2");
    }

    @Test
    void inChannelsNotDivisibleByGroupsIsRefused() {
        Layer layer = create("conv2d(out_channels=4, kernel_size=3, groups=2)");

        assertThatThrownBy(() -> layer.initialize(new int[] {3, 5, 5}, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("conv2d: in_channels must be divisible by groups=2, got 3 channels in per-example shape"
                        + " [3, 5, 5]");
    }

    @Test
    void aKernelLargerThanThePaddedInputIsRefusedNamingTheAxis() {
        Layer layer = create("conv2d(out_channels=2, kernel_size=[2, 5], padding=[0, 1])");

        assertThatThrownBy(() -> layer.outputShape(new int[] {1, 4, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("conv2d: the output would have no width: input width 2 padded by 1 on each side is 4,"
                        + " less than the window's width 5 (kernel 5); per-example input shape [1, 4, 2]; give a"
                        + " larger input, more padding or a smaller kernel");
    }

    @Test
    void theDilatedKernelIsWhatMustFit() {
        Layer layer = create("conv2d(out_channels=2, kernel_size=3, dilation=2)");

        assertThatThrownBy(() -> layer.initialize(new int[] {1, 4, 9}, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no height")
                .hasMessageContaining("window's height 5 (kernel 3 dilated by 2)");
    }

    @Test
    void anInputOfAnotherRankIsRefused() {
        Conv2d layer = conv("conv2d(out_channels=2, kernel_size=3)", 1, 4, 4);

        assertThatThrownBy(() -> layer.forward(Tensor.zeros(2, 4, 4), Pass.INFERENCE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("conv2d: expected a batch of rank 4, [N, C, H, W], got shape [2, 4, 4]");
        assertThatThrownBy(() -> layer.outputShape(new int[] {16}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("conv2d: expected examples of shape [channels, height, width] (a batch [N, C, H, W]),"
                        + " got per-example shape [16]");
    }

    @Test
    void anotherNumberOfChannelsThanInitializedIsRefused() {
        Conv2d layer = conv("conv2d(out_channels=2, kernel_size=3)", 2, 4, 4);

        assertThatThrownBy(() -> layer.forward(Tensor.zeros(1, 3, 4, 4), Pass.INFERENCE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("conv2d: expected 2 input channels (in_channels), got per-example shape [3, 4, 4]");
    }

    @Test
    void aZeroOrNegativeSizeIsRefusedByTheSpec() {
        assertThatThrownBy(() -> create("conv2d(out_channels=2, kernel_size=0)"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("parameter 'kernel_size' of layer 'conv2d' must hold integers >= 1, got 0");
        assertThatThrownBy(() -> create("conv2d(out_channels=2, kernel_size=3, padding=[1, -1])"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("'padding'");
        assertThatThrownBy(() -> create("conv2d(out_channels=2, kernel_size=[3, 3, 3])"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("integer or list of 2 integers");
    }

    @Test
    void theConstructorChecksTooWithTheLayerInTheMessage() {
        assertThatThrownBy(() -> new Conv2d(2, new int[] {3}, new int[] {1, 1}, new int[] {0, 0}, new int[] {1, 1}, 1,
                true, (w, r) -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("conv2d: kernel_size must be [height, width] of integers >= 1, got [3]");
    }

    @Test
    void parametersBeforeTheInputShapeIsKnownAreRefused() {
        assertThatThrownBy(() -> create("conv2d(out_channels=2, kernel_size=3)").parameters())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("in_channels is not known yet");
    }

    @Test
    void backwardWithoutATrainingForwardIsRefused() {
        Conv2d layer = handLayer();
        layer.forward(image(1, 2, 3, 4, 5, 6, 7, 8, 9), Pass.INFERENCE);

        assertThatThrownBy(() -> layer.backward(Tensor.zeros(1, 1, 2, 2), true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("conv2d: backward called without a training forward");
    }

    @Test
    void backwardRefusesAGradientOfTheWrongShape() {
        Conv2d layer = handLayer();
        layer.forward(image(1, 2, 3, 4, 5, 6, 7, 8, 9), TRAINING);

        assertThatThrownBy(() -> layer.backward(Tensor.zeros(1, 1, 3, 3), true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("conv2d: output gradient of shape [1, 1, 3, 3] does not match the output of the last"
                        + " training forward, shape [1, 1, 2, 2]");
    }

    @Test
    void theSameBatchSizeReusesTheOutputAndGradientTensors() {
        Conv2d layer = conv("conv2d(out_channels=2, kernel_size=3, padding=1)", 2, 4, 4);
        Tensor x = GradientCheck.randomTensor(3, 2, 2, 4, 4);
        Tensor g = GradientCheck.randomTensor(4, 2, 2, 4, 4);
        Tensor first = layer.forward(x, TRAINING);
        Tensor firstGradient = layer.backward(g, true);

        assertThat(layer.forward(x, TRAINING)).isSameAs(first);
        assertThat(layer.backward(g, true)).isSameAs(firstGradient);
    }

    @Test
    void aTrainingStepInSteadyStateAllocatesNothing() {
        Conv2d layer = conv("conv2d(out_channels=8, kernel_size=3, padding=1, groups=2)", 4, 8, 8);
        Tensor x = GradientCheck.randomTensor(3, 4, 4, 8, 8);
        Tensor g = GradientCheck.randomTensor(4, 4, 8, 8, 8);

        // The output alone is 4·8·8·8 floats, 8 KB; what is left is the measurement's own few bytes.
        assertThat(allocatedBytesPerStep(layer, x, g)).isLessThan(MEASUREMENT_NOISE);
    }

    /** Bytes per step the allocation counter reports for code that allocates nothing (its own reads). */
    static final long MEASUREMENT_NOISE = 64;

    /** Bytes this thread allocates per forward and backward, after warming up on the same batch. */
    static long allocatedBytesPerStep(Layer layer, Tensor x, Tensor g) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 3; i++) {
            layer.forward(x, TRAINING);
            layer.backward(g, true);
        }
        int steps = 20;
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < steps; i++) {
            layer.forward(x, TRAINING);
            layer.backward(g, true);
        }
        long after = threads.getCurrentThreadAllocatedBytes();
        return (after - before) / steps;
    }
}
