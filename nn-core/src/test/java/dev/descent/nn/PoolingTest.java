package dev.descent.nn;

import static dev.descent.nn.LayerFixtureTest.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.api.InvalidParameterException;
import dev.descent.api.Layer;
import dev.descent.api.Pass;
import dev.descent.api.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** max_pool2d, avg_pool2d and global_avg_pool2d: hand-worked values, shapes and errors. */
class PoolingTest {
    private static final Pass TRAINING = Pass.training(new SplittableRandom(0));

    private static Tensor plane(int height, int width, float... values) {
        return Tensor.of(values, 1, 1, height, width);
    }

    private static Tensor ones(int... shape) {
        Tensor tensor = Tensor.zeros(shape);
        tensor.fill(1f);
        return tensor;
    }

    @Nested
    class MaxPool {

        @Test
        void eachOutputIsTheLargestOfItsWindow() {
            Tensor output = create("max_pool2d(kernel_size=2)").forward(plane(2, 4, 1, 5, 2, 0, 3, -1, 7, 6),
                    Pass.INFERENCE);

            assertThat(output.shape()).containsExactly(1, 1, 1, 2);
            assertThat(output.data()).containsExactly(5, 7);
        }

        @Test
        void theGradientGoesToTheMaximumAndTiesToTheFirstOne() {
            Layer layer = create("max_pool2d(kernel_size=2, stride=1)");
            // Windows over [[1, 3, 3], [3, 2, 0]]: the first holds three 3s, the second two.
            layer.forward(plane(2, 3, 1, 3, 3, 3, 2, 0), TRAINING);

            Tensor dX = layer.backward(plane(1, 2, 10, 100), true);

            // Row-major order in the window: (0,1) is the first 3 of both windows.
            assertThat(dX.data()).containsExactly(0, 110, 0, 0, 0, 0);
        }

        @Test
        void aNaNWins() {
            Tensor output = create("max_pool2d(kernel_size=2)").forward(plane(2, 2, 1, Float.NaN, 3, 2),
                    Pass.INFERENCE);

            assertThat(output.data()[0]).isNaN();
        }

        @Test
        void paddingIsMinusInfinityNotZero() {
            Tensor output = create("max_pool2d(kernel_size=2, padding=1)").forward(plane(2, 2, -4, -3, -2, -1),
                    Pass.INFERENCE);

            // Each window holds one input and three padding positions.
            assertThat(output.data()).containsExactly(-4, -3, -2, -1);
        }

        @Test
        void strideDefaultsToTheKernelSize() {
            assertThat(create("max_pool2d(kernel_size=[2, 3])").outputShape(new int[] {4, 6, 7}))
                    .containsExactly(4, 3, 2);
            assertThat(create("max_pool2d(kernel_size=3, stride=1)").outputShape(new int[] {4, 6, 7}))
                    .containsExactly(4, 4, 5);
        }

        @Test
        void paddingOverHalfTheKernelIsRefusedNamingPadding() {
            assertThatThrownBy(() -> create("max_pool2d(kernel_size=3, padding=2)"))
                    .isInstanceOf(InvalidParameterException.class)
                    .hasMessage("parameter 'padding' of layer 'max_pool2d' must be at most half of kernel_size=[3, 3],"
                            + " got [2, 2]");
            assertThatThrownBy(() -> new MaxPool2d(new int[] {2, 4}, new int[] {1, 1}, new int[] {1, 3}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("max_pool2d: padding must be at most half of kernel_size, got padding=[1, 3] and"
                            + " kernel_size=[2, 4]");
        }

        @Test
        void aWindowLargerThanTheInputIsRefused() {
            assertThatThrownBy(() -> create("max_pool2d(kernel_size=3)").outputShape(new int[] {2, 2, 5}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("max_pool2d: the output would have no height: input height 2 padded by 0"
                            + " on each side is 2, less than the window's height 3");
        }

        @Test
        void anInputOfAnotherRankIsRefused() {
            assertThatThrownBy(() -> create("max_pool2d(kernel_size=2)").forward(Tensor.zeros(2, 4, 4),
                    Pass.INFERENCE))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("max_pool2d: expected a batch of rank 4, [N, C, H, W], got shape [2, 4, 4]");
        }

        @Test
        void backwardRefusesAGradientOfTheWrongShape() {
            Layer layer = create("max_pool2d(kernel_size=2)");
            layer.forward(Tensor.zeros(2, 3, 4, 4), TRAINING);

            assertThatThrownBy(() -> layer.backward(Tensor.zeros(2, 3, 4, 4), true))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("max_pool2d: output gradient of shape [2, 3, 4, 4] does not match the output of the"
                            + " last training forward, shape [2, 3, 2, 2]");
        }

        @Test
        void backwardWithoutATrainingForwardIsRefused() {
            assertThatThrownBy(() -> create("max_pool2d(kernel_size=2)").backward(Tensor.zeros(1, 1, 1, 1), true))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("max_pool2d: backward called without a training forward");
        }

        @Test
        void aTrainingStepInSteadyStateAllocatesNothing() {
            Layer layer = create("max_pool2d(kernel_size=3, stride=2, padding=1)");
            Tensor x = GradientCheck.randomTensor(1, 4, 3, 8, 8);
            Tensor g = GradientCheck.randomTensor(2, 4, 3, 4, 4);

            assertThat(Conv2dTest.allocatedBytesPerStep(layer, x, g)).isLessThan(Conv2dTest.MEASUREMENT_NOISE);
        }
    }

    @Nested
    class AvgPool {

        @Test
        void eachOutputIsTheMeanOfItsWindow() {
            Tensor output = create("avg_pool2d(kernel_size=2)").forward(plane(2, 4, 1, 5, 2, 0, 3, -1, 7, 6),
                    Pass.INFERENCE);

            assertThat(output.data()).containsExactly(2, 3.75f);
        }

        @Test
        void withCountIncludePadThePaddingCountsAsZeros() {
            Tensor output = create("avg_pool2d(kernel_size=3, stride=1, padding=1)").forward(ones(1, 1, 2, 2),
                    Pass.INFERENCE);

            // Every window holds the four ones and five padding zeros.
            assertThat(output.data()).containsExactly(4f / 9, 4f / 9, 4f / 9, 4f / 9);
        }

        @Test
        void withoutCountIncludePadOnlyTheInputCounts() {
            Tensor output = create("avg_pool2d(kernel_size=3, stride=1, padding=1, count_include_pad=false)")
                    .forward(ones(1, 1, 2, 2), Pass.INFERENCE);

            assertThat(output.data()).containsExactly(1, 1, 1, 1);
        }

        @Test
        void theGradientIsSharedByTheWindowsDivisor() {
            Layer with = create("avg_pool2d(kernel_size=2, padding=1)");
            Layer without = create("avg_pool2d(kernel_size=2, padding=1, count_include_pad=false)");
            with.forward(ones(1, 1, 1, 2), TRAINING);
            without.forward(ones(1, 1, 1, 2), TRAINING);
            // Output 1x2: each window covers one input and three padding positions.
            Tensor g = Tensor.of(new float[] {4, 8}, 1, 1, 1, 2);

            assertThat(with.backward(g, true).data()).containsExactly(1, 2);
            assertThat(without.backward(g, true).data()).containsExactly(4, 8);
        }

        @Test
        void paddingOverHalfTheKernelIsRefusedNamingPadding() {
            assertThatThrownBy(() -> create("avg_pool2d(kernel_size=[4, 2], padding=[2, 2])"))
                    .isInstanceOf(InvalidParameterException.class)
                    .hasMessage("parameter 'padding' of layer 'avg_pool2d' must be at most half of kernel_size=[4, 2],"
                            + " got [2, 2]");
        }

        @Test
        void outputShapeKeepsTheChannels() {
            assertThat(create("avg_pool2d(kernel_size=3, stride=2, padding=1)").outputShape(new int[] {5, 7, 8}))
                    .containsExactly(5, 4, 4);
        }
    }

    @Nested
    class GlobalAvgPool {

        @Test
        void eachChannelIsAveragedToOneValue() {
            Layer layer = create("global_avg_pool2d");
            Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 10, 20, 30, 40}, 1, 2, 2, 2);

            Tensor output = layer.forward(x, Pass.INFERENCE);

            assertThat(output.shape()).containsExactly(1, 2);
            assertThat(output.data()).containsExactly(2.5f, 25f);
        }

        @Test
        void theGradientIsSpreadEvenly() {
            Layer layer = create("global_avg_pool2d");
            layer.forward(Tensor.zeros(1, 2, 1, 2), TRAINING);

            assertThat(layer.backward(Tensor.of(new float[] {4, 8}, 1, 2), true).data()).containsExactly(2, 2, 4, 4);
        }

        @Test
        void outputShapeIsTheChannels() {
            assertThat(create("global_avg_pool2d").outputShape(new int[] {7, 3, 5})).containsExactly(7);
        }

        @Test
        void anInputOfAnotherRankIsRefused() {
            assertThatThrownBy(() -> create("global_avg_pool2d").outputShape(new int[] {7, 3}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("global_avg_pool2d: expected examples of shape [channels, height, width]");
        }

        @Test
        void backwardRefusesAGradientOfTheWrongShape() {
            Layer layer = create("global_avg_pool2d");
            layer.forward(Tensor.zeros(2, 3, 2, 2), TRAINING);

            assertThatThrownBy(() -> layer.backward(Tensor.zeros(2, 3, 1, 1), true))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("global_avg_pool2d: output gradient of shape [2, 3, 1, 1] does not match the output of"
                            + " the last training forward, shape [2, 3]");
        }
    }
}
