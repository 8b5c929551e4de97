package dev.descent.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.api.InvalidParameterException;
import dev.descent.api.Pass;
import dev.descent.api.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Flatten and reshape: shapes, errors, and views without copies. */
class ReshapingLayersTest {
    private static final Pass TRAINING = Pass.training(new SplittableRandom(0));

    @Test
    void flattenMergesTheAxesOfAnExampleByDefault() {
        assertThat(new Flatten(1, -1).outputShape(new int[] {3, 4, 5})).containsExactly(60);
        assertThat(new Flatten(2, 3).outputShape(new int[] {3, 4, 5})).containsExactly(3, 20);
        assertThat(new Flatten(-3, -2).outputShape(new int[] {3, 4, 5})).containsExactly(12, 5);
        assertThat(new Flatten(2, 2).outputShape(new int[] {3, 4, 5})).containsExactly(3, 4, 5);
    }

    @Test
    void flattenRefusesTheBatchAxis() {
        assertThatThrownBy(() -> new Flatten(0, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("flatten: start_dim=0 is the batch axis");
        assertThatThrownBy(() -> new Flatten(-4, -1).outputShape(new int[] {3, 4, 5}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("flatten: start_dim=-4 is the batch axis");
    }

    @Test
    void flattenRefusesADimOutsideTheRank() {
        assertThatThrownBy(() -> new Flatten(1, 4).outputShape(new int[] {3, 4, 5}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("flatten: end_dim=4 is outside a batch of examples of shape [3, 4, 5], rank 4; expected"
                        + " -3..3 (the batch axis counted, as PyTorch's)");
    }

    @Test
    void flattenRefusesAStartAfterTheEnd() {
        assertThatThrownBy(() -> new Flatten(3, 2).outputShape(new int[] {3, 4, 5}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("flatten: start_dim=3 comes after end_dim=2 for examples of shape [3, 4, 5] (axes 3 and 2"
                        + " of the batch)");
    }

    @Test
    void theOutputIsAViewOfTheInputAndTheGradientOfTheOutputGradient() {
        Flatten flatten = new Flatten(1, -1);
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 2, 2, 2);

        Tensor y = flatten.forward(x, TRAINING);
        Tensor dY = Tensor.of(new float[] {8, 7, 6, 5, 4, 3, 2, 1}, 2, 4);
        Tensor dX = flatten.backward(dY, true);

        assertThat(y.shape()).containsExactly(2, 4);
        assertThat(y.array()).isSameAs(x.array());
        assertThat(dX.shape()).containsExactly(2, 2, 2);
        assertThat(dX.array()).isSameAs(dY.array());
    }

    @Test
    void theViewsAreReusedForTheSameTensorsAndRenewedForOthers() {
        Reshape reshape = new Reshape(-1);
        Tensor full = Tensor.zeros(4, 2, 3);
        Tensor last = Tensor.zeros(1, 2, 3);

        Tensor first = reshape.forward(full, TRAINING);
        Tensor small = reshape.forward(last, TRAINING);
        Tensor again = reshape.forward(full, TRAINING);
        Tensor other = reshape.forward(Tensor.zeros(4, 2, 3), TRAINING);

        assertThat(again).isSameAs(first);
        assertThat(small.shape()).containsExactly(1, 6);
        assertThat(other).isNotSameAs(first);
        assertThat(other.shape()).containsExactly(4, 6);
    }

    @Test
    void backwardGivesTheShapeOfTheLastInputEvenWhenTwoInputsFlattenAlike() {
        Flatten flatten = new Flatten(1, -1);
        Tensor dY = Tensor.zeros(1, 6);
        flatten.forward(Tensor.zeros(1, 2, 3), TRAINING);
        assertThat(flatten.backward(dY, true).shape()).containsExactly(1, 2, 3);

        flatten.forward(Tensor.zeros(1, 3, 2), TRAINING);

        assertThat(flatten.backward(dY, true).shape()).containsExactly(1, 3, 2);
    }

    @Test
    void reshapeInfersTheMinusOne() {
        assertThat(new Reshape(4, -1).outputShape(new int[] {2, 3, 2})).containsExactly(4, 3);
        assertThat(new Reshape(12).outputShape(new int[] {2, 3, 2})).containsExactly(12);
    }

    @Test
    void reshapeRefusesAShapeOfAnotherSize() {
        assertThatThrownBy(() -> new Reshape(5, -1).outputShape(new int[] {2, 3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reshape: cannot reshape examples of shape [2, 3] (6 elements) to [5, -1]: 6 is not a"
                        + " multiple of 5; the target shape must hold as many elements as an example");
        assertThatThrownBy(() -> new Reshape(7).outputShape(new int[] {2, 3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the target holds 7");
        assertThatThrownBy(() -> new Reshape(0, -1).outputShape(new int[] {0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the -1 cannot be inferred next to a dimension of 0");
    }

    @Test
    void reshapeRefusesTwoMinusOnesAsAParameterError() {
        assertThatThrownBy(() -> LayerFixtureTest.create("reshape(shape=[-1, 2, -1])"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("reshape: shape [-1, 2, -1] has more than one -1; only one dimension can be inferred");
    }

    @Test
    void reshapeTakesItsShapeByPosition() {
        assertThat(LayerFixtureTest.create("reshape([3, -1])")).hasToString("reshape(shape=[3, -1])");
    }

    @Test
    void aGradientOfAnotherShapeIsRefused() {
        Reshape reshape = new Reshape(6);
        reshape.forward(Tensor.zeros(2, 2, 3), TRAINING);

        assertThatThrownBy(() -> reshape.backward(Tensor.zeros(2, 3, 2), true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reshape: output gradient of shape [2, 3, 2] does not match the output of the last"
                        + " training forward, shape [2, 6]");
    }

    @Test
    void theSpecsParseBack() {
        for (String spec : new String[] {"flatten(start_dim=2, end_dim=-1)", "reshape(shape=[2, -1])"}) {
            assertThat(LayerFixtureTest.create(spec)).hasToString(spec);
        }
    }
}
