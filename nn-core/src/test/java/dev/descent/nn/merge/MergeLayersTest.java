package dev.descent.nn.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.api.Pass;
import dev.descent.api.Tensor;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** What the PyTorch fixtures cannot show: errors and their messages, views, shapes at the edges. */
class MergeLayersTest {
    private static final Pass TRAINING = Pass.training(new SplittableRandom(0));

    @Test
    void dotOfTwoVectorsPerExampleDropsTheLastAxisAsPyTorch() {
        Tensor a = Tensor.of(new float[] {1, 2, 3, 4}, 2, 2);
        Tensor b = Tensor.of(new float[] {5, 6, 7, 8}, 2, 2);

        Tensor y = new Dot().forward(List.of(a, b), Pass.INFERENCE);

        assertThat(y.shape()).containsExactly(2);
        assertThat(y.data()).containsExactly(17f, 53f);
        assertThat(new Dot().outputShape(List.of(new int[] {4}, new int[] {4}))).isEmpty();
        assertThat(new Dot().outputShape(List.of(new int[] {1, 4}, new int[] {2, 4}))).containsExactly(2);
    }

    @Test
    void dotRefusesLastAxesOfDifferentLengths() {
        assertThatThrownBy(() -> new Dot().outputShape(List.of(new int[] {1, 4}, new int[] {2, 3})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dot: per-example input shapes [1, 4], [2, 3] do not fit; both need a last axis of one"
                        + " length D, the axis summed over");
    }

    @Test
    void dotTakesExactlyTwoInputs() {
        assertThatThrownBy(() -> new Dot().outputShape(List.of(new int[] {2}, new int[] {2}, new int[] {2})))
                .hasMessage("dot: takes exactly 2 inputs, got 3");
    }

    @Test
    void addRefusesShapesThatDoNotBroadcast() {
        assertThatThrownBy(() -> new Add().outputShape(List.of(new int[] {2, 3}, new int[] {4, 3})))
                .hasMessage("add: per-example input shapes [2, 3], [4, 3] do not broadcast: input 1 has 4 at axis -2"
                        + " where an earlier input has 2; lengths must be equal or 1 (as in PyTorch)");
    }

    @Test
    void broadcastingAlignsPerExampleShapesNeverTheBatch() {
        // [N, 2, 1] + [N, 3]: per example [2, 1] + [3] = [2, 3]; the batch axis stays the batch.
        Tensor a = Tensor.of(new float[] {10, 20, 30, 40}, 2, 2, 1);
        Tensor b = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);

        Tensor y = new Add().forward(List.of(a, b), Pass.INFERENCE);

        assertThat(y.shape()).containsExactly(2, 2, 3);
        assertThat(y.data()).containsExactly(11, 12, 13, 21, 22, 23, 34, 35, 36, 44, 45, 46);
    }

    @Test
    void inputsOfDifferentBatchSizesAreRefused() {
        assertThatThrownBy(() -> new Multiply().forward(List.of(Tensor.zeros(2, 3), Tensor.zeros(3, 3)), Pass.INFERENCE))
                .hasMessage("multiply: input 1 has a batch of 3 but input 0 has 2; every input must have the same"
                        + " batch size");
    }

    @Test
    void concatRefusesTheBatchAxisAndDimsOutOfRange() {
        assertThatThrownBy(() -> new Concat(0).outputShape(List.of(new int[] {2}, new int[] {3})))
                .hasMessageStartingWith("concat: dim 0 is the batch axis");
        assertThatThrownBy(() -> new Concat(2).outputShape(List.of(new int[] {2}, new int[] {3})))
                .hasMessage("concat: dim 2 is out of range for per-example input shapes [2], [3] (with the batch axis"
                        + " first); expected an axis after the batch: 1 or -1");
        assertThatThrownBy(() -> new Stack(-4).outputShape(List.of(new int[] {2}, new int[] {2})))
                .hasMessageEndingWith("expected an axis after the batch: 1 to 2, or -2 to -1");
    }

    @Test
    void concatRefusesInputsThatDisagreeOffTheJoinedAxis() {
        assertThatThrownBy(() -> new Concat(-1).outputShape(List.of(new int[] {2, 3}, new int[] {3, 3})))
                .hasMessageStartingWith("concat: input 1 of per-example shape [3, 3] does not fit input 0 of shape"
                        + " [2, 3]");
    }

    @Test
    void stackRefusesInputsOfDifferentShapes() {
        assertThatThrownBy(() -> new Stack(1).outputShape(List.of(new int[] {2}, new int[] {3})))
                .hasMessageStartingWith("stack: input 1 has per-example shape [3] but input 0 has [2]");
        assertThat(new Stack(-1).outputShape(List.of(new int[] {2, 3}, new int[] {2, 3}))).containsExactly(2, 3, 2);
        assertThat(new Stack(1).outputShape(List.of(new int[] {2, 3}, new int[] {2, 3}))).containsExactly(2, 2, 3);
    }

    @Test
    void viewsOfLargerArraysAreReadFromTheirOffset() {
        float[] shared = {9, 9, 1, 2, 3, 4, 9};
        Tensor a = Tensor.view(shared, 2, 2, 2);
        Tensor b = Tensor.of(new float[] {10, 20, 30, 40}, 2, 2);

        Concat concat = new Concat(-1);
        Tensor y = concat.forward(List.of(a, b), TRAINING);
        List<Tensor> gradients = concat.backward(Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 2, 4));

        assertThat(y.data()).containsExactly(1, 2, 10, 20, 3, 4, 30, 40);
        assertThat(gradients.get(0).data()).containsExactly(1, 2, 5, 6);
        assertThat(gradients.get(1).data()).containsExactly(3, 4, 7, 8);
    }

    @Test
    void backwardWithoutATrainingForwardIsRefused() {
        Add add = new Add();
        add.forward(List.of(Tensor.zeros(1, 2), Tensor.zeros(1, 2)), Pass.INFERENCE);

        assertThatThrownBy(() -> add.backward(Tensor.zeros(1, 2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("add: backward called without a training forward");
    }

    @Test
    void anOutputGradientOfAnotherShapeIsRefused() {
        Dot dot = new Dot();
        dot.forward(List.of(Tensor.zeros(2, 1, 3), Tensor.zeros(2, 2, 3)), TRAINING);

        assertThatThrownBy(() -> dot.backward(Tensor.zeros(2, 3)))
                .hasMessage("dot: output gradient of shape [2, 3] does not match the output of the last training"
                        + " forward, a batch of 2 of per-example shape [2]");
    }

    @Test
    void reusesItsTensorsAcrossBatchSizes() {
        Add add = new Add();
        Tensor big = add.forward(List.of(Tensor.zeros(4, 2), Tensor.zeros(4, 1)), TRAINING);
        Tensor small = add.forward(List.of(Tensor.zeros(2, 2), Tensor.zeros(2, 1)), TRAINING);

        assertThat(add.forward(List.of(Tensor.zeros(4, 2), Tensor.zeros(4, 1)), TRAINING)).isSameAs(big);
        assertThat(add.forward(List.of(Tensor.zeros(2, 2), Tensor.zeros(2, 1)), TRAINING)).isSameAs(small);
    }
}
