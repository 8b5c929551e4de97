package dev.descent.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.api.InvalidParameterException;
import dev.descent.api.Pass;
import dev.descent.api.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the PyTorch fixtures cannot show: refused indices and arguments, the padding row, no input gradient. */
class EmbeddingTest {
    private static final Pass TRAINING = Pass.training(new SplittableRandom(0));

    private static Embedding initialized(String spec) {
        Embedding layer = (Embedding) LayerFixtureTest.create(spec);
        layer.initialize(new int[] {3}, new SplittableRandom(1));
        return layer;
    }

    @ParameterizedTest
    @ValueSource(floats = {2.5f, -1f, 5f, Float.NaN, 1e10f})
    void anIndexThatIsNotAWholeNumberInRangeIsRefusedNamingItsPosition(float bad) {
        Embedding layer = initialized("embedding(num_embeddings=5, embedding_dim=2)");
        Tensor input = Tensor.of(new float[] {0, 1, 2, 3, bad, 4}, 2, 3);

        assertThatIllegalArgumentException().isThrownBy(() -> layer.forward(input, TRAINING))
                .withMessage("embedding: the index at [1, 1] of the input (shape [2, 3]) is " + bad
                        + "; expected a whole number in [0, 5) (num_embeddings)");
    }

    @Test
    void outputAppendsEmbeddingDimToAnyInputShape() {
        Embedding layer = initialized("embedding(num_embeddings=4, embedding_dim=3)");

        assertThat(layer.outputShape(new int[] {})).containsExactly(3);
        assertThat(layer.outputShape(new int[] {2, 5})).containsExactly(2, 5, 3);
        Tensor y = layer.forward(Tensor.of(new float[] {3, 0}, 2), Pass.INFERENCE);
        float[] w = layer.weight().value().data();
        assertThat(y.shape()).containsExactly(2, 3);
        assertThat(y.data()).containsExactly(w[9], w[10], w[11], w[0], w[1], w[2]);
    }

    @Test
    void backwardReturnsNoInputGradientAndTheInputIsNotDifferentiable() {
        Embedding layer = initialized("embedding(num_embeddings=4, embedding_dim=1)");
        layer.forward(Tensor.of(new float[] {1, 1, 2}, 3), TRAINING);

        assertThat(layer.differentiableInput()).isFalse();
        assertThat(layer.backward(Tensor.of(new float[] {1, 2, 4}, 3, 1), true)).isNull();
        assertThat(layer.weight().gradient().data()).containsExactly(0f, 3f, 4f, 0f);
    }

    @Test
    void thePaddingRowIsZeroAfterInitializeAndNegativeIndicesCountFromTheEnd() {
        Embedding layer = initialized("embedding(num_embeddings=4, embedding_dim=2, padding_idx=-2)");

        assertThat(layer.paddingIdx()).isEqualTo(2);
        float[] w = layer.weight().value().data();
        assertThat(new float[] {w[4], w[5]}).containsExactly(0f, 0f);
        assertThat(new float[] {w[0], w[1], w[6], w[7]}).doesNotContain(0f);
    }

    @Test
    void paddingIdxOutsideTheTableIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> LayerFixtureTest.create(
                "embedding(num_embeddings=4, embedding_dim=2, padding_idx=4)"))
                .withMessage("embedding: padding_idx must be within num_embeddings, in [-4, 4), got '4'");
        assertThatIllegalArgumentException().isThrownBy(() -> LayerFixtureTest.create(
                "embedding(num_embeddings=4, embedding_dim=2, padding_idx=-5)"))
                .withMessageContaining("got '-5'");
    }

    @Test
    void sizesAreRequiredAndPositive() {
        assertThatThrownBy(() -> LayerFixtureTest.create("embedding(embedding_dim=2)"))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("num_embeddings");
        assertThatThrownBy(() -> LayerFixtureTest.create("embedding(num_embeddings=3, embedding_dim=0)"))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("embedding_dim");
    }

    @Test
    void backwardWithoutATrainingForwardOrOfTheWrongShapeIsRefused() {
        Embedding layer = initialized("embedding(num_embeddings=4, embedding_dim=2)");
        layer.forward(Tensor.of(new float[] {1, 2}, 2), Pass.INFERENCE);
        assertThatIllegalStateException().isThrownBy(() -> layer.backward(Tensor.zeros(2, 2), true))
                .withMessageContaining("without a training forward");
        layer.forward(Tensor.of(new float[] {1, 2}, 2), TRAINING);
        assertThatIllegalArgumentException().isThrownBy(() -> layer.backward(Tensor.zeros(2, 3), true))
                .withMessageContaining("does not match the output of the last training forward, shape [2, 2]");
    }

    @Test
    void theSameSeedDrawsTheSameTable() {
        Embedding a = initialized("embedding(num_embeddings=6, embedding_dim=3)");
        Embedding b = initialized("embedding(num_embeddings=6, embedding_dim=3)");

        assertThat(a.weight().value().data()).containsExactly(b.weight().value().data());
    }
}
