package dev.descent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShapesTest {

    @Test
    void aShapeIsWrittenInBrackets() {
        assertThat(Shapes.toString(new int[] {2, 3})).isEqualTo("[2, 3]");
    }

    @Test
    void aScalarShapeIsWrittenAsEmptyBrackets() {
        assertThat(Shapes.toString(new int[0])).isEqualTo("[]");
    }

    @Test
    void sizeIsTheProductOfTheDimensions() {
        assertThat(Shapes.size(new int[] {2, 3, 4})).isEqualTo(24);
    }

    @Test
    void aScalarHoldsOneElement() {
        assertThat(Shapes.size(new int[0])).isEqualTo(1);
    }

    @Test
    void sizeCountsBeyondTheIntRange() {
        assertThat(Shapes.size(new int[] {100_000, 100_000})).isEqualTo(10_000_000_000L);
    }

    @Test
    void aZeroDimensionHoldsNoElementsHoweverLargeTheOthers() {
        assertThat(Shapes.size(new int[] {1 << 30, 1 << 30, 1 << 30, 0})).isZero();
    }

    @Test
    void sizeRefusesAShapeLargerThanALongCounts() {
        assertThatThrownBy(() -> Shapes.size(new int[] {1 << 16, 1 << 16, 1 << 16, 1 << 16}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[65536, 65536, 65536, 65536]");
    }

    @Test
    void theSameShapeIsAccepted() {
        assertThatCode(() -> Shapes.requireSameShape("mse", Tensor.zeros(2, 3), Tensor.zeros(2, 3)))
                .doesNotThrowAnyException();
    }

    @Test
    void differentShapesNameTheLossAndBothShapes() {
        assertThatThrownBy(() -> Shapes.requireSameShape("mse", Tensor.zeros(2, 3), Tensor.zeros(3, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mse: predictions of shape [2, 3] do not match targets of shape [3, 2];"
                        + " both must have the same shape");
    }

    @Test
    void shapesOfTheSameSizeButAnotherRankDiffer() {
        assertThatThrownBy(() -> Shapes.requireSameShape("mse", Tensor.zeros(6), Tensor.zeros(6, 1)))
                .hasMessageContaining("[6]")
                .hasMessageContaining("[6, 1]");
    }

    @Test
    void noGradientBufferIsAccepted() {
        assertThatCode(() -> Shapes.requireGradientShape("mse", Tensor.zeros(2), null)).doesNotThrowAnyException();
    }

    @Test
    void aGradientBufferOfThePredictionsShapeIsAccepted() {
        assertThatCode(() -> Shapes.requireGradientShape("mse", Tensor.zeros(2), Tensor.zeros(2)))
                .doesNotThrowAnyException();
    }

    @Test
    void aGradientBufferOfAnotherShapeNamesTheLossAndBothShapes() {
        assertThatThrownBy(() -> Shapes.requireGradientShape("huber", Tensor.zeros(4, 1), Tensor.zeros(4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("huber: gradient buffer of shape [4] does not match predictions of shape [4, 1]");
    }

    @Test
    void backwardWithoutATrainingForwardIsAnIllegalState() {
        assertThatThrownBy(() -> Shapes.requireBackward("tanh", null, Tensor.zeros(2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("tanh: backward called without a training forward; call"
                        + " forward(input, Pass.training(random)) first");
    }

    @Test
    void backwardOfAnotherShapeNamesTheLayerAndBothShapes() {
        assertThatThrownBy(() -> Shapes.requireBackward("tanh", new int[] {2, 3}, Tensor.zeros(3, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tanh: output gradient of shape [3, 2] does not match the output of the last training"
                        + " forward, shape [2, 3]");
        assertThatCode(() -> Shapes.requireBackward("tanh", new int[] {2, 3}, Tensor.zeros(2, 3)))
                .doesNotThrowAnyException();
    }
}
